package dev.brickwork.designer.form;

import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.compile.FormCompiler;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Optional;
import java.util.UUID;

/**
 * The current published version of a form, compiled as the caller's transaction sees it rather than from
 * {@link PublishedForms}' cache: for checks that must see the latest publish, such as a flow's before it is published.
 */
public final class CurrentForms {

    private CurrentForms() {
    }

    /** Empty when the app has no published form with this key. */
    public static Uni<Optional<CompiledForm>> compiled(Mutiny.Session session, UUID appId, String formKey) {
        return AppCatalog.load(session, appId).map(catalog -> catalog.source(formKey)
                .flatMap(source -> FormCompiler.compile(source, catalog).form()));
    }
}
