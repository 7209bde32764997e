package dev.brickwork.forms.expr;

import static org.assertj.core.api.Assertions.assertThat;

// Compiles and evaluates against the fixtures, and shows values the way the test tables write them.
final class Results {

    private Results() {
    }

    static CompiledExpression compiled(String source) {
        Compilation compilation = Expressions.compile(source, Fixtures.CONTRACT_TYPES, null);
        assertThat(compilation.problems()).as("problems of %s", source).isEmpty();
        assertThat(compilation.ok()).isTrue();
        return compilation.expression().orElseThrow();
    }

    static Value value(String source, ValueScope scope) {
        Evaluation evaluation = compiled(source).evaluate(scope);
        assertThat(evaluation).as("evaluation of %s", source).isInstanceOf(Evaluation.Ok.class);
        return ((Evaluation.Ok) evaluation).value();
    }

    static ExpressionProblem failure(String source, ValueScope scope) {
        Evaluation evaluation = compiled(source).evaluate(scope);
        assertThat(evaluation).as("evaluation of %s", source).isInstanceOf(Evaluation.Failed.class);
        return ((Evaluation.Failed) evaluation).problem();
    }

    // Texts in single quotes, numbers as plain decimals, everything else as ISO text or its name.
    static String show(Value value) {
        if (value instanceof Value.Text text) {
            return "'" + text.value() + "'";
        }
        if (value instanceof Value.Number number) {
            return number.value().toPlainString();
        }
        if (value instanceof Value.Bool bool) {
            return Boolean.toString(bool.value());
        }
        if (value instanceof Value.Date date) {
            return date.value().toString();
        }
        if (value instanceof Value.DateTime dateTime) {
            return dateTime.value().toString();
        }
        if (value instanceof Value.ListOf list) {
            return list.values().toString();
        }
        return "null";
    }
}
