package dev.brickwork.forms.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of a form (or of a subtable), as stored in the definition.
 *
 * @param key          immutable once published; also the column name
 * @param type         the field type
 * @param label        may be null (the key is shown then)
 * @param description  may be null
 * @param required     a value must be present when the field is visible
 * @param defaultValue the JSON default, or null; checked against the type by the validator
 * @param unique       unique among live records
 * @param index        indexed for filtering and sorting
 * @param sensitive    encrypted at rest (see the permissions issue)
 * @param visibleWhen  expression; the field is hidden (and ignored) while it is false; null = always
 * @param readOnlyWhen expression; the field may not be written while it is true; null = never
 * @param spec         the properties particular to the type
 */
public record FieldDefinition(
        String key,
        FieldType type,
        Label label,
        Label description,
        boolean required,
        JsonNode defaultValue,
        boolean unique,
        boolean index,
        boolean sensitive,
        String visibleWhen,
        String readOnlyWhen,
        FieldSpec spec) {
}
