package dev.brickwork.runtime.gdpr;

import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.designer.form.PublishedForms.PublishedForm;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.crypto.FieldCipher;
import dev.brickwork.runtime.records.RecordProblem;
import dev.brickwork.runtime.records.sql.FormTable;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The data subject's record address resolved against the app's published forms: its table and its app's forms. */
record Subject(String appKey, String formKey, UUID id, FormTable table, Map<String, PublishedForm> forms, FieldCipher cipher) {

    static Uni<Subject> of(PublishedForms publishedForms, FieldCipher cipher, String appKey, String formKey, UUID id) {
        return publishedForms.all(appKey).map(forms -> {
            PublishedForm form = forms.get(formKey);
            if (form == null) {
                // an unknown app has no published forms: same answer, as in the records API
                throw new ProblemException(RecordProblem.FORM_NOT_FOUND, "The app has no published form with this key.");
            }
            return new Subject(appKey, formKey, id, FormTable.of(form).withCipher(cipher), forms, cipher);
        });
    }

    /** The reference fields of the app's published forms that point at the subject's form. */
    List<ReferenceLink> links() {
        return ReferenceLink.to(appKey, forms, formKey, cipher);
    }

    static ProblemException notFound() {
        return new ProblemException(RecordProblem.RECORD_NOT_FOUND, "There is no such record.");
    }
}
