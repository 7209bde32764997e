package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_ARGUMENT_INVALID;
import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_ARITY;
import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_TYPE_MISMATCH;
import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_UNKNOWN_FUNCTION;
import static dev.brickwork.forms.expr.ValueType.BOOLEAN;
import static dev.brickwork.forms.expr.ValueType.DATE;
import static dev.brickwork.forms.expr.ValueType.DATETIME;
import static dev.brickwork.forms.expr.ValueType.LIST;
import static dev.brickwork.forms.expr.ValueType.NULL;
import static dev.brickwork.forms.expr.ValueType.NUMBER;
import static dev.brickwork.forms.expr.ValueType.TEXT;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

// Resolves a function call, checks its arity and its arguments' types; aggregates go to AggregateChecker.
final class CallChecker {

    private static final Set<ValueType> NUMBERS = EnumSet.of(NUMBER);
    private static final Set<ValueType> BOOLEANS = EnumSet.of(BOOLEAN);
    private static final Set<ValueType> TEXTS = EnumSet.of(TEXT);
    private static final Set<ValueType> SIZED = EnumSet.of(TEXT, LIST);
    private static final Set<ValueType> TEMPORAL = EnumSet.of(DATE, DATETIME);
    private static final Set<ValueType> DATE_TIMES = EnumSet.of(DATETIME);

    private final TypeChecker checker;
    private final Problems problems;
    private final AggregateChecker aggregates;

    CallChecker(TypeChecker checker, Problems problems) {
        this.checker = checker;
        this.problems = problems;
        this.aggregates = new AggregateChecker(checker, problems);
    }

    Checked call(Syntax.Call call, TypeChecker.Row row) {
        Optional<Function> resolved = Function.named(call.name());
        if (resolved.isEmpty()) {
            problems.add(EXPR_UNKNOWN_FUNCTION, call.position(),
                    "There is no function " + Limits.quoteName(call.name()));
            checkAll(call.arguments(), row);
            return Checked.unknown(call.position());
        }
        Function function = resolved.get();
        if (!function.accepts(call.arguments().size())) {
            problems.add(EXPR_ARITY, call.position(), function + " takes " + function.arityText());
            if (function.canAggregate()) {
                aggregates.checkArguments(function, call.arguments(), row);
            } else {
                checkAll(call.arguments(), row);
            }
            return Checked.unknown(call.position());
        }
        if (function.canAggregate() && call.arguments().size() == 1) {
            Optional<Checked> aggregate = aggregates.aggregate(function, call, row);
            if (aggregate.isPresent()) {
                return aggregate.get();
            }
        }
        List<Checked> arguments = checkAll(call.arguments(), row);
        int before = problems.count();
        ValueType type = checker.unlessReported(before, type(function, arguments));
        List<Bound> bound = new ArrayList<>();
        arguments.forEach(argument -> bound.add(argument.node()));
        return new Checked(new Bound.Apply(function, bound, call.position()), type);
    }

    private List<Checked> checkAll(List<Syntax> arguments, TypeChecker.Row row) {
        List<Checked> checked = new ArrayList<>();
        for (Syntax argument : arguments) {
            checked.add(checker.check(argument, row));
        }
        return checked;
    }

    private ValueType type(Function function, List<Checked> arguments) {
        switch (function) {
            case IF:
                require(function, arguments.get(0), BOOLEANS, "a true/false condition");
                return same(function, arguments.subList(1, 3), Checked.SCALAR);
            case AND:
            case OR:
            case NOT:
                requireAll(function, arguments, BOOLEANS, "true/false values");
                return BOOLEAN;
            case ROUND:
            case ABS:
                requireAll(function, arguments, NUMBERS, "numbers");
                return NUMBER;
            case MIN:
            case MAX:
                return same(function, arguments, Checked.ORDERED);
            case COALESCE:
                return same(function, arguments, Checked.SCALAR);
            case ISBLANK:
                return BOOLEAN;
            case LEN:
                require(function, arguments.get(0), SIZED, "text or a list of choices");
                return NUMBER;
            case UPPER:
            case LOWER:
                require(function, arguments.get(0), TEXTS, "text");
                return TEXT;
            case CONCAT:
                requireAll(function, arguments, Checked.SCALAR, "values other than lists of choices");
                return TEXT;
            case TODAY:
                return DATE;
            case NOW:
                return DATETIME;
            case DAYS:
            case YEAR:
            case MONTH:
                requireAll(function, arguments, TEMPORAL, "dates or dates and times");
                return NUMBER;
            case HOURS:
                requireAll(function, arguments, DATE_TIMES, "dates and times");
                return NUMBER;
            case DATEADD:
                return dateAdd(arguments);
            default:
                // SUM, AVG and COUNT take exactly one argument and so never get here
                return null;
        }
    }

    // DATEADD(temporal, amount, 'unit'): the unit is a literal, so a date given hours is refused before it runs.
    private ValueType dateAdd(List<Checked> arguments) {
        Checked temporal = arguments.get(0);
        boolean temporalFits = require(Function.DATEADD, temporal, TEMPORAL, "a date or a date and time first");
        require(Function.DATEADD, arguments.get(1), NUMBERS, "a number of units second");
        Checked unitArgument = arguments.get(2);
        Optional<DateUnit> unit = unitArgument.node() instanceof Bound.Constant constant
                && constant.value() instanceof Value.Text text ? DateUnit.named(text.value()) : Optional.empty();
        if (unit.isEmpty()) {
            if (unitArgument.known()) {
                problems.add(EXPR_ARGUMENT_INVALID, unitArgument.position(),
                        "DATEADD's unit is one of the literal texts " + DateUnit.listed());
            }
            return null;
        }
        if (temporalFits && temporal.type() == DATE && unit.get().belowDay()) {
            problems.add(EXPR_TYPE_MISMATCH, unitArgument.position(),
                    "A date has no time of day: DATEADD adds minutes and hours to dates and times only");
            return null;
        }
        return temporal.type() == NULL && unit.get().belowDay() ? DATETIME : temporal.type();
    }

    // Every argument of one type (the null literal fits any); that type is the result.
    private ValueType same(Function function, List<Checked> arguments, Set<ValueType> allowed) {
        ValueType found = NULL;
        boolean unknown = false;
        for (Checked argument : arguments) {
            if (!require(function, argument, allowed, describe(allowed))) {
                unknown = true;
            } else if (!argument.known()) {
                unknown = true;
            } else if (argument.type() != NULL) {
                if (found == NULL) {
                    found = argument.type();
                } else if (found != argument.type()) {
                    problems.add(EXPR_TYPE_MISMATCH, argument.position(), function + " needs values of one type: "
                            + Checked.describe(argument.type()) + " does not go with " + Checked.describe(found));
                }
            }
        }
        return found == NULL && unknown ? null : found;
    }

    private void requireAll(Function function, List<Checked> arguments, Set<ValueType> allowed, String what) {
        for (Checked argument : arguments) {
            require(function, argument, allowed, what);
        }
    }

    private boolean require(Function function, Checked argument, Set<ValueType> allowed, String what) {
        if (argument.fits(allowed)) {
            return true;
        }
        problems.add(EXPR_TYPE_MISMATCH, argument.position(),
                function + " needs " + what + ", not " + Checked.describe(argument.type()));
        return false;
    }

    private static String describe(Set<ValueType> allowed) {
        return allowed.equals(Checked.ORDERED) ? "numbers, texts, dates or dates and times"
                : "values other than lists of choices";
    }
}
