package dev.brickwork.forms.model;

import java.util.List;
import java.util.Optional;

/**
 * A form definition as stored (docs/spec.md §2), already read from JSON.
 *
 * @param schemaVersion the definition format version; only 1 exists
 * @param titleField    the key of the field that names a record, or null
 */
public record FormDefinition(
        int schemaVersion,
        String key,
        Label label,
        String titleField,
        List<FieldDefinition> fields,
        List<RuleDefinition> rules) {

    public FormDefinition {
        fields = List.copyOf(fields);
        rules = List.copyOf(rules);
    }

    public Optional<FieldDefinition> field(String fieldKey) {
        return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }
}
