package dev.brickwork.forms.expr;

/**
 * The entry point of the expression language (SPEC §2): parse, type-check and compile in one step.
 * Never throws on any input; everything wrong comes back as problems.
 */
public final class Expressions {

    private Expressions() {
    }

    /**
     * @param source   the expression text
     * @param scope    the names it may use and their types
     * @param expected the type the caller needs (BOOLEAN for visibility and validation rules), or null for any
     */
    public static Compilation compile(String source, TypeScope scope, ValueType expected) {
        throw new UnsupportedOperationException("implemented by the expression-language work");
    }
}
