package dev.brickwork.forms.expr;

import java.util.Set;

/** A parsed and type-checked expression, immutable and safe to share between threads. */
public interface CompiledExpression {

    String source();

    ValueType resultType();

    /**
     * Every field the expression reads: a top-level key ({@code amount}), or {@code subtable.key}
     * ({@code lines.line_total}) for a subtable column read inside an aggregate.
     */
    Set<String> references();

    /** Whether the expression calls {@code TODAY()} or {@code NOW()}: its value can change with no write. */
    boolean readsTheClock();

    /** Never throws: runtime problems come back as {@link Evaluation.Failed}. */
    Evaluation evaluate(ValueScope scope);
}
