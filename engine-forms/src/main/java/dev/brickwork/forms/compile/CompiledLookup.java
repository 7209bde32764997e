package dev.brickwork.forms.compile;

import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.model.FieldDefinition;

/**
 * A lookup field, resolved: the value of {@code targetField} of the {@code targetForm} record that {@code via} points
 * at. {@code valueField} is the shape of the value — the field finally looked up (through lookups of lookups), under
 * this field's key, as a stored type (a formula's or roll-up's result as the plain type holding it) — by which the
 * value is read, stored and filtered.
 */
public record CompiledLookup(String key, String via, String targetForm, String targetField, FieldDefinition valueField,
                             ValueType valueType) {
}
