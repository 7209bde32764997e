package dev.brickwork.forms.compile;

import dev.brickwork.forms.expr.CompiledExpression;
import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.model.FormDefinition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link CompiledForm} the compiler builds; immutable and safe to share between threads. */
public record DefaultCompiledForm(
        FormDefinition definition,
        Map<String, ValueType> valueTypes,
        Map<String, CompiledForm> subtables,
        List<CompiledFormula> formulas,
        Map<String, CompiledExpression> visibleWhenByField,
        Map<String, CompiledExpression> readOnlyWhenByField,
        List<CompiledValidationRule> validationRules,
        Map<String, CompiledLookup> lookupsByField) implements CompiledForm {

    public DefaultCompiledForm {
        valueTypes = Map.copyOf(valueTypes);
        subtables = Map.copyOf(subtables);
        formulas = List.copyOf(formulas);
        visibleWhenByField = Map.copyOf(visibleWhenByField);
        readOnlyWhenByField = Map.copyOf(readOnlyWhenByField);
        validationRules = List.copyOf(validationRules);
        lookupsByField = Map.copyOf(lookupsByField);
    }

    @Override
    public Optional<CompiledLookup> lookup(String fieldKey) {
        return Optional.ofNullable(lookupsByField.get(fieldKey));
    }

    @Override
    public Optional<ValueType> valueType(String fieldKey) {
        return Optional.ofNullable(valueTypes.get(fieldKey));
    }

    @Override
    public Optional<CompiledForm> subtable(String fieldKey) {
        return Optional.ofNullable(subtables.get(fieldKey));
    }

    @Override
    public Optional<CompiledExpression> visibleWhen(String fieldKey) {
        return Optional.ofNullable(visibleWhenByField.get(fieldKey));
    }

    @Override
    public Optional<CompiledExpression> readOnlyWhen(String fieldKey) {
        return Optional.ofNullable(readOnlyWhenByField.get(fieldKey));
    }
}
