package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_INTERNAL;
import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_SYNTAX;
import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_TOO_LONG;
import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_TYPE_MISMATCH;

import java.util.List;
import java.util.Optional;

/**
 * The entry point of the expression language (docs/spec.md §2): parse, type-check and compile in one step.
 * Never throws on any input; everything wrong comes back as problems.
 *
 * <p>Choices docs/spec.md §2 leaves open:
 * <ul>
 * <li>Precedence, loosest first: {@code or}, {@code and}, comparisons, {@code &}, {@code + -},
 *     {@code * / %}, unary {@code -} and {@code not}. So {@code not a = b} is {@code (not a) = b}.
 *     A name directly followed by {@code (} is a call, so {@code NOT(x)} is the function.</li>
 * <li>{@code and}, {@code or}, {@code not}, AND, OR, NOT and IF read a null condition as false and always
 *     give true or false; they and IF and COALESCE evaluate only what decides the outcome.</li>
 * <li>MIN and MAX aggregate when given one argument that reads a subtable column, else compare their
 *     arguments. Aggregates do not nest (EXPR_TYPE_MISMATCH); inside one, MIN and MAX always compare.
 *     An aggregate reads the subtable of its first column; a column of another subtable is
 *     EXPR_AGGREGATE_REQUIRED.</li>
 * <li>A LIST may only be the whole result or the argument of ISBLANK or LEN.</li>
 * <li>{@code date + n} drops a fraction of a day; DAYS, YEAR and MONTH take a DATETIME in the scope's zone.
 *     DAYS(a, b) and HOURS(a, b) are a - b (HOURS exact, as '/' divides; dates and times only).</li>
 * <li>DATEADD(t, n, unit): the unit is a literal text; a date takes 'day', 'month' and 'year' only. Days, months
 *     and years are whole (a fraction is dropped) and counted on the calendar of the scope's zone; minutes and
 *     hours are exact to the microsecond. A month past the end of the target month ends on its last day.</li>
 * <li>The nesting limit (64) counts parentheses, calls and unary operators; in addition a tree may not be
 *     taller than 256, which only long operator chains reach. Both are EXPR_TOO_DEEP.</li>
 * <li>Evaluating reads values through the declared types: a scope value of another type is
 *     EXPR_TYPE_MISMATCH at the name, and a defect anywhere is EXPR_INTERNAL rather than an exception.</li>
 * </ul>
 */
public final class Expressions {

    /** The longest source accepted, in chars. */
    public static final int MAX_SOURCE_LENGTH = Limits.MAX_SOURCE_LENGTH;

    private static final TypeScope NOTHING = new TypeScope() {
        @Override
        public Optional<ValueType> typeOf(String fieldKey) {
            return Optional.empty();
        }

        @Override
        public Optional<TypeScope> subtable(String subtableKey) {
            return Optional.empty();
        }
    };

    private Expressions() {
    }

    /**
     * @param source   the expression text
     * @param scope    the names it may use and their types
     * @param expected the type the caller needs (BOOLEAN for visibility and validation rules), or null for any
     */
    public static Compilation compile(String source, TypeScope scope, ValueType expected) {
        try {
            return compileChecked(source, scope == null ? NOTHING : scope, expected);
        } catch (RuntimeException defect) {
            // the last line of defence: a defect here or in a scope implementation must not escape to the caller
            return failed(EXPR_INTERNAL.at(0, "The expression could not be compiled"));
        }
    }

    private static Compilation compileChecked(String source, TypeScope scope, ValueType expected) {
        if (source == null) {
            return failed(EXPR_SYNTAX.at(0, "The expression is empty"));
        }
        if (source.length() > Limits.MAX_SOURCE_LENGTH) {
            return failed(EXPR_TOO_LONG.at(Limits.MAX_SOURCE_LENGTH,
                    "An expression may have at most " + Limits.MAX_SOURCE_LENGTH + " characters"));
        }
        Problems problems = new Problems();
        Optional<Syntax> tree = Parser.parse(source, problems);
        if (tree.isEmpty()) {
            return new Compilation(Optional.empty(), problems.sorted());
        }
        TypeChecker checker = new TypeChecker(scope, problems);
        Checked checked = checker.check(tree.get(), null);
        ValueType type = checked.type();
        if (expected != null && type != null && type != expected && type != ValueType.NULL) {
            problems.add(EXPR_TYPE_MISMATCH, 0,
                    "The expression gives " + Checked.describe(type) + " where " + Checked.describe(expected)
                            + " is needed");
        }
        if (!problems.isEmpty() || type == null) {
            return new Compilation(Optional.empty(), problems.sorted());
        }
        ValueType resultType = type == ValueType.NULL && expected != null ? expected : type;
        return new Compilation(Optional.of(new CompiledTree(source, resultType, checker.references(), checked.node())),
                List.of());
    }

    private static Compilation failed(ExpressionProblem problem) {
        return new Compilation(Optional.empty(), List.of(problem));
    }
}
