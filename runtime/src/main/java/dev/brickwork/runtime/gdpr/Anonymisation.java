package dev.brickwork.runtime.gdpr;

import dev.brickwork.designer.migration.ColumnType;
import dev.brickwork.designer.migration.SqlNames;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.RuleDefinition;
import dev.brickwork.runtime.records.sql.Column;
import dev.brickwork.runtime.records.sql.FormTable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Decides what erasing one stored row sets (see the package description for why these fields and not others). Pure:
 * it reads the row's values through a function and runs nothing, so erasing an erased row plans nothing.
 */
final class Anonymisation {

    /** What a required text field holds once erased: a blank would make the record invalid. */
    static final String ERASED = "[erased]";

    private static final Set<FieldType> TEXT_LIKE = EnumSet.of(FieldType.TEXT, FieldType.TEXTAREA, FieldType.EMAIL,
            FieldType.PHONE, FieldType.URL);
    private static final String SET_ASIDE = "_removed_v";

    /**
     * @param assignments quoted column to the value to bind (null clears it), only for columns that change
     * @param fields      the field keys whose value changes, in form order
     * @param setAside    how many set-aside columns of removed fields are cleared
     */
    record Plan(Map<String, Object> assignments, List<String> fields, int setAside) {

        boolean isEmpty() {
            return assignments.isEmpty();
        }
    }

    private Anonymisation() {
    }

    /**
     * @param rowId   the row's id, appended to the placeholder where one must stay unique
     * @param stored  the row's stored value by (unquoted) column name
     * @param columns every column name the row has, to find set-aside ones
     */
    static Plan of(FormTable table, UUID rowId, Function<String, Object> stored, List<String> columns) {
        Map<String, Object> assignments = new LinkedHashMap<>();
        List<String> fields = new ArrayList<>();
        for (Column column : table.columns()) {
            if (!personal(column)) {
                continue;
            }
            String target = target(table, column.field(), rowId);
            boolean changes = !Objects.equals(stored.apply(column.key()), target);
            if (column.encrypted()) {
                changes |= stored.apply(SqlNames.hashColumn(column.key())) != null;
                assignments.put(column.hashQuoted(), null);
            }
            if (changes) {
                assignments.put(column.quoted(), target);
                fields.add(column.key());
            } else {
                assignments.remove(column.hashQuoted());
            }
        }
        int setAside = 0;
        for (String name : columns) {
            if (name.startsWith(SET_ASIDE) && stored.apply(name) != null) {
                assignments.put(SqlNames.quote(name), null);
                setAside++;
            }
        }
        return new Plan(assignments, fields, setAside);
    }

    /** Fields that can hold personal data about the subject; see the package description. */
    static boolean personal(Column column) {
        FieldDefinition field = column.field();
        if (field.type() == FieldType.FORMULA) {
            return column.type() == ColumnType.TEXT || column.type() == ColumnType.TEXT_ARRAY;
        }
        if (field.type().isComputed()) {
            return false;
        }
        return field.sensitive() || TEXT_LIKE.contains(field.type());
    }

    /** Null, or for required plain text the placeholder; made unique per row where an index requires it. */
    static String target(FormTable table, FieldDefinition field, UUID rowId) {
        boolean placeholder = field.required() && !field.sensitive()
                && (field.type() == FieldType.TEXT || field.type() == FieldType.TEXTAREA);
        if (!placeholder) {
            return null;
        }
        return field.unique() || blocksDuplicates(table, field.key()) ? "[erased " + rowId + "]" : ERASED;
    }

    private static boolean blocksDuplicates(FormTable table, String key) {
        return table.form().definition().rules().stream().anyMatch(rule -> rule instanceof RuleDefinition.Duplicate duplicate
                && duplicate.action() == RuleDefinition.DuplicateAction.BLOCK && duplicate.fields().contains(key));
    }
}
