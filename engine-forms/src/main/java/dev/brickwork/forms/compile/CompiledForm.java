package dev.brickwork.forms.compile;

import dev.brickwork.forms.expr.CompiledExpression;
import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FormDefinition;

import java.util.List;
import java.util.Optional;

/**
 * The immutable, interpretable form: what runtime and designer-api use after a definition compiled without errors.
 * A subtable's rows are a compiled form of their own ({@link #subtable}); its {@link #definition()} is synthetic
 * (the subtable's key, label and fields, no rules).
 */
public interface CompiledForm {

    FormDefinition definition();

    /** The value type of a scalar field (formulas: their result type; roll-ups: NUMBER; lookups: the looked-up field's); empty for subtables and unknown keys. */
    Optional<ValueType> valueType(String fieldKey);

    /** The compiled row form of a subtable field; empty for any other key. */
    Optional<CompiledForm> subtable(String fieldKey);

    /** The fields of this level, in definition order. */
    default List<FieldDefinition> fields() {
        return definition().fields();
    }

    default Optional<FieldDefinition> field(String fieldKey) {
        return definition().field(fieldKey);
    }

    /**
     * The formulas of this level in evaluation order: each comes after the formulas it reads. Subtable row formulas
     * are in {@link #subtable}'s list and are evaluated before these (row formulas only read their row).
     */
    List<CompiledFormula> formulas();

    /**
     * The formulas of this level whose value changes with the day: they call {@code TODAY()} or {@code NOW()}, or
     * read such a formula. In evaluation order. Their stored values are true only on the day they were computed.
     */
    default List<String> clockFormulas() {
        java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
        for (CompiledFormula formula : formulas()) {
            if (formula.expression().readsTheClock()
                    || formula.expression().references().stream().anyMatch(found::contains)) {
                found.add(formula.key());
            }
        }
        return List.copyOf(found);
    }

    /** Every field the {@link #clockFormulas()} read, directly or through other formulas. */
    default java.util.Set<String> clockFormulaInputs() {
        java.util.Map<String, CompiledFormula> byKey = new java.util.HashMap<>();
        formulas().forEach(f -> byKey.put(f.key(), f));
        java.util.Set<String> inputs = new java.util.HashSet<>();
        java.util.Deque<String> open = new java.util.ArrayDeque<>(clockFormulas());
        while (!open.isEmpty()) {
            CompiledFormula formula = byKey.get(open.pop());
            if (formula != null) {
                for (String read : formula.expression().references()) {
                    if (inputs.add(read)) {
                        open.push(read);
                    }
                }
            }
        }
        return inputs;
    }

    /** The field's compiled {@code visibleWhen} (BOOLEAN); empty when the field is always visible. */
    Optional<CompiledExpression> visibleWhen(String fieldKey);

    /** The field's compiled {@code readOnlyWhen} (BOOLEAN); empty when it is never read-only by condition. */
    Optional<CompiledExpression> readOnlyWhen(String fieldKey);

    /** A lookup field, resolved (docs/spec.md §2 addition); empty for any other key and in a subtable's rows. */
    Optional<CompiledLookup> lookup(String fieldKey);

    /** The validation rules with their compiled (BOOLEAN) expressions, in definition order; empty for subtables. */
    List<CompiledValidationRule> validationRules();
}
