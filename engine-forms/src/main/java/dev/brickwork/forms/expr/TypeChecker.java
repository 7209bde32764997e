package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_AGGREGATE_REQUIRED;
import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_UNKNOWN_FIELD;
import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_UNKNOWN_SUBTABLE;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

// Resolves names and functions against a TypeScope and types every node, turning the parse tree into
// the Bound tree. It reports every problem it finds and carries on with an unknown type.
final class TypeChecker {

    // The subtable row an aggregate's argument is evaluated in; scope is null for an unknown subtable.
    record Row(String subtable, TypeScope scope, Function function) {
    }

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final TypeScope scope;
    private final Problems problems;
    private final Set<String> references = new LinkedHashSet<>();
    private final OperatorChecker operators;
    private final CallChecker calls;

    TypeChecker(TypeScope scope, Problems problems) {
        this.scope = scope;
        this.problems = problems;
        this.operators = new OperatorChecker(problems);
        this.calls = new CallChecker(this, problems);
    }

    Set<String> references() {
        return Set.copyOf(references);
    }

    Checked check(Syntax node, Row row) {
        if (node instanceof Syntax.Literal literal) {
            return new Checked(new Bound.Constant(literal.value(), literal.position()), literal.value().type());
        }
        if (node instanceof Syntax.Name name) {
            return name(name);
        }
        if (node instanceof Syntax.ColumnName column) {
            return column(column, row);
        }
        if (node instanceof Syntax.Unary unary) {
            Checked operand = check(unary.operand(), row);
            int before = problems.count();
            ValueType type = unlessReported(before, operators.unary(unary.operator(), operand));
            return new Checked(new Bound.Unary(unary.operator(), operand.node(), unary.position()), type);
        }
        if (node instanceof Syntax.Binary binary) {
            Checked left = check(binary.left(), row);
            Checked right = check(binary.right(), row);
            int before = problems.count();
            ValueType type = unlessReported(before,
                    operators.binary(binary.operator(), left, right, binary.operatorPosition()));
            return new Checked(new Bound.Binary(binary.operator(), left.node(), right.node(), binary.position(),
                    binary.operatorPosition()), type);
        }
        return calls.call((Syntax.Call) node, row);
    }

    // a node found wrong gets the unknown type, so what uses it does not report again
    ValueType unlessReported(int problemsBefore, ValueType type) {
        return problems.count() > problemsBefore ? null : type;
    }

    private Checked name(Syntax.Name name) {
        String key = name.key();
        Optional<ValueType> type = isKey(key) ? typeOf(scope, key) : Optional.empty();
        if (type.isPresent()) {
            references.add(key);
            return new Checked(new Bound.FieldRead(key, type.get(), name.position()), type.get());
        }
        if (isSubtable(key)) {
            problems.add(EXPR_AGGREGATE_REQUIRED, name.position(), "The subtable " + Limits.quoteName(key)
                    + " can only be read inside an aggregate such as COUNT or SUM");
        } else {
            problems.add(EXPR_UNKNOWN_FIELD, name.position(), "There is no field " + Limits.quoteName(key));
        }
        return Checked.unknown(name.position());
    }

    private Checked column(Syntax.ColumnName column, Row row) {
        String shown = Limits.quoteName(column.subtable() + "." + column.key());
        if (row == null) {
            problems.add(EXPR_AGGREGATE_REQUIRED, column.position(),
                    "The column " + shown + " can only be read inside SUM, AVG, MIN, MAX or COUNT");
            return Checked.unknown(column.position());
        }
        if (!row.subtable().equals(column.subtable())) {
            problems.add(EXPR_AGGREGATE_REQUIRED, column.position(), "The column " + shown
                    + " needs an aggregate of its own: this " + row.function() + " reads the subtable "
                    + Limits.quoteName(row.subtable()));
            return Checked.unknown(column.position());
        }
        if (row.scope() == null) {
            problems.add(EXPR_UNKNOWN_SUBTABLE, column.position(),
                    "There is no subtable " + Limits.quoteName(column.subtable()));
            return Checked.unknown(column.position());
        }
        Optional<ValueType> type = isKey(column.key()) ? typeOf(row.scope(), column.key()) : Optional.empty();
        if (type.isEmpty()) {
            problems.add(EXPR_UNKNOWN_FIELD, column.position(), "There is no column " + shown);
            return Checked.unknown(column.position());
        }
        references.add(column.subtable() + "." + column.key());
        return new Checked(new Bound.ColumnRead(column.subtable(), column.key(), type.get(), column.position()),
                type.get());
    }

    // A key that names a subtable and no scalar field: what COUNT(key) counts the rows of.
    boolean isSubtable(String key) {
        return isKey(key) && typeOf(scope, key).isEmpty() && subtableScope(key) != null;
    }

    void referenceSubtable(String key) {
        references.add(key);
    }

    // The row scope of a subtable, or null when there is none.
    TypeScope subtableScope(String key) {
        if (!isKey(key)) {
            return null;
        }
        Optional<TypeScope> subtable = scope.subtable(key);
        // a scope implementation that answers null is treated like one that answers empty
        return subtable == null ? null : subtable.orElse(null);
    }

    private static Optional<ValueType> typeOf(TypeScope scope, String key) {
        Optional<ValueType> type = scope.typeOf(key);
        return type == null ? Optional.empty() : type;
    }

    private static boolean isKey(String key) {
        return KEY.matcher(key).matches();
    }
}
