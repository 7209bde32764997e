package dev.brickwork.forms.compile;

import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.model.FormDefinition;

import java.util.Optional;

/** The immutable, interpretable form: what runtime and designer-api use after a definition compiled without errors. */
public interface CompiledForm {

    FormDefinition definition();

    /** The value type of a scalar field (formulas: their result type; roll-ups: NUMBER); empty for subtables and unknown keys. */
    Optional<ValueType> valueType(String fieldKey);

    /** The compiled row form of a subtable field; empty for any other key. */
    Optional<CompiledForm> subtable(String fieldKey);
}
