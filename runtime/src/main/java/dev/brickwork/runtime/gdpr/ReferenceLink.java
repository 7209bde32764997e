package dev.brickwork.runtime.gdpr;

import dev.brickwork.designer.form.PublishedForms.PublishedForm;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.runtime.crypto.FieldCipher;
import dev.brickwork.runtime.records.sql.Column;
import dev.brickwork.runtime.records.sql.FormTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A reference field that can point at a data subject: {@code fieldKey} of form {@code formKey}, or of its subtable
 * {@code subtableKey} (null for a top-level field). Records found through it are the form's records.
 */
record ReferenceLink(String formKey, String subtableKey, String fieldKey, FormTable table) {

    /** Every reference field (top level or in a subtable) of the app's forms whose target is {@code targetForm}. */
    static List<ReferenceLink> to(String appKey, Map<String, PublishedForm> forms, String targetForm, FieldCipher cipher) {
        List<ReferenceLink> links = new ArrayList<>();
        // sorted, so the export lists forms in the same order every time
        new TreeMap<>(forms).forEach((formKey, published) -> {
            FormTable table = FormTable.of(published).withCipher(cipher);
            CompiledForm form = published.form();
            for (FieldDefinition field : form.fields()) {
                if (targets(field, targetForm)) {
                    links.add(new ReferenceLink(formKey, null, field.key(), table));
                }
                form.subtable(field.key()).ifPresent(rows -> rows.fields().stream()
                        .filter(inner -> targets(inner, targetForm))
                        .forEach(inner -> links.add(new ReferenceLink(formKey, field.key(), inner.key(), table))));
            }
        });
        return links;
    }

    /** The table holding the reference column: the form's, or its subtable's child table. */
    FormTable holder() {
        return subtableKey == null ? table : table.subtable(subtableKey).orElseThrow();
    }

    /** The reference column, quoted. */
    String column() {
        return holder().column(fieldKey).map(Column::quoted).orElseThrow();
    }

    private static boolean targets(FieldDefinition field, String targetForm) {
        return field.spec() instanceof FieldSpec.Reference reference && reference.target().equals(targetForm);
    }
}
