package dev.brickwork.runtime.records;

import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.crypto.FieldCiphers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Resolves what a records call works on: the published form, its table (with the cipher) and the caller's rights. */
@ApplicationScoped
public class RecordContexts {

    @Inject
    PublishedForms publishedForms;

    @Inject
    FieldCiphers ciphers;

    Uni<RecordContext> of(String appKey, String formKey, Access access) {
        return RecordContext.of(publishedForms, ciphers, appKey, formKey, access);
    }
}
