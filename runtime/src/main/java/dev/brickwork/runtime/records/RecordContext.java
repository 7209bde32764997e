package dev.brickwork.runtime.records;

import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.designer.form.PublishedForms.PublishedForm;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.FormAccess;
import dev.brickwork.runtime.crypto.FieldCiphers;
import dev.brickwork.runtime.records.sql.FormTable;
import io.smallrye.mutiny.Uni;

import java.util.Map;

/**
 * The published form a records call works on, with its table, its app's other forms (for roll-ups and duplicate
 * rules' {@code also}) and what the caller may do on it ({@code rights}: on every form).
 */
record RecordContext(String appKey, String formKey, PublishedForm published, FormTable table,
                     Map<String, PublishedForm> forms, FormAccess access, Access rights) {

    /** Tables derived from published versions, by the version's identity: a publish brings a new version object. */
    private static final com.github.benmanes.caffeine.cache.Cache<PublishedForm, FormTable> TABLES =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().build();

    static Uni<RecordContext> of(PublishedForms publishedForms, FieldCiphers ciphers, String appKey, String formKey,
                                 Access access) {
        return publishedForms.all(appKey).map(forms -> {
            PublishedForm form = forms.get(formKey);
            if (form == null) {
                throw new ProblemException(RecordProblem.FORM_NOT_FOUND, "The app has no published form with this key.");
            }
            FormTable table = TABLES.get(form, f -> FormTable.of(f).withCipher(ciphers.cipher().orElse(null)));
            return new RecordContext(appKey, formKey, form, table, forms,
                    access.form(appKey, formKey), access);
        });
    }

    /**
     * Another published form of the app (a duplicate rule's {@code also}) with its table and the caller's rights on
     * it, or null when it is not published (any more).
     */
    RecordContext other(String otherForm) {
        PublishedForm form = forms.get(otherForm);
        if (form == null) {
            return null;
        }
        FormTable other = TABLES.get(form, f -> FormTable.of(f).withCipher(table.cipherIfAny()));
        return new RecordContext(appKey, otherForm, form, other, forms, rights.form(appKey, otherForm), rights);
    }

    /** The table as this caller knows it: hidden fields absent, so filters, sorts and search cannot reach them. */
    FormTable visible() {
        return table.without(access.hidden());
    }
}
