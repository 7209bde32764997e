package dev.brickwork.designer.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.migration.SqlNames;
import dev.brickwork.designer.migration.StorageCodes;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.FormDefinition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A form's table and its subtables' tables share the app's schema with every other form's: a form {@code deal__lines}
 * and the subtable {@code lines} of a form {@code deal} would both be the table {@code deal__lines}. Reported on the
 * draft, located at the key that names the table.
 */
final class TableCollisions {

    private TableCollisions() {
    }

    static List<Problem> of(FormDefinition draft, JsonNode source, AppCatalog catalog) {
        Set<String> taken = new HashSet<>();
        for (String key : catalog.keys()) {
            if (!key.equals(draft.key())) {
                catalog.form(key).ifPresent(other -> taken.addAll(tables(other)));
            }
        }
        List<Problem> problems = new ArrayList<>();
        if (taken.contains(draft.key())) {
            problems.add(taken("/key"));
        }
        JsonNode fields = source.path("fields");
        for (int i = 0; i < fields.size(); i++) {
            String key = fields.get(i).path("key").asText();
            boolean subtable = draft.field(key).map(f -> f.type() == FieldType.SUBTABLE).orElse(false);
            if (subtable && taken.contains(SqlNames.childTable(draft.key(), key))) {
                problems.add(taken("/fields/" + i + "/key"));
            }
        }
        return problems;
    }

    private static List<String> tables(FormDefinition form) {
        List<String> tables = new ArrayList<>(List.of(form.key()));
        for (FieldDefinition field : form.fields()) {
            if (field.type() == FieldType.SUBTABLE) {
                tables.add(SqlNames.childTable(form.key(), field.key()));
            }
        }
        return tables;
    }

    private static Problem taken(String pointer) {
        return Problem.error(pointer, StorageCodes.TABLE_NAME_TAKEN,
                "Another form or subtable of the app already has the table this key names; choose another key.");
    }
}
