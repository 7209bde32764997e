package dev.brickwork.workflow.run;

import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.expr.TypeScope;
import dev.brickwork.forms.expr.ValueType;

import java.util.Optional;

/** A form's fields as the expression type checker sees them. */
public final class FormTypes {

    private FormTypes() {
    }

    public static TypeScope of(CompiledForm form) {
        return new TypeScope() {
            @Override
            public Optional<ValueType> typeOf(String fieldKey) {
                return form.valueType(fieldKey);
            }

            @Override
            public Optional<TypeScope> subtable(String subtableKey) {
                return form.subtable(subtableKey).map(FormTypes::of);
            }
        };
    }
}
