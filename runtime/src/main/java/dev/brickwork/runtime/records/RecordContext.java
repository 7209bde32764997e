package dev.brickwork.runtime.records;

import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.designer.form.PublishedForms.PublishedForm;
import dev.brickwork.runtime.records.sql.FormTable;
import io.smallrye.mutiny.Uni;

import java.util.Map;

/** The published form a records call works on, with its table and its app's other forms (for roll-ups). */
record RecordContext(String appKey, String formKey, PublishedForm published, FormTable table, Map<String, PublishedForm> forms) {

    static Uni<RecordContext> of(PublishedForms publishedForms, String appKey, String formKey) {
        return publishedForms.all(appKey).map(forms -> {
            PublishedForm form = forms.get(formKey);
            if (form == null) {
                throw new dev.brickwork.platform.http.ProblemException(RecordProblem.FORM_NOT_FOUND,
                        "The app has no published form with this key.");
            }
            return new RecordContext(appKey, formKey, form, FormTable.of(appKey, form.form()), forms);
        });
    }
}
