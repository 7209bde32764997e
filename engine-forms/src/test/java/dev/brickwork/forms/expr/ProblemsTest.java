package dev.brickwork.forms.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemsTest {

    private static List<ExpressionProblem> problems(String source, ValueType expected) {
        Compilation compilation = Expressions.compile(source, Fixtures.CONTRACT_TYPES, expected);
        assertThat(compilation.expression()).as("compiled %s", source).isEmpty();
        assertThat(compilation.ok()).isFalse();
        return compilation.problems();
    }

    @ParameterizedTest(name = "{0} is {1} at {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                            | EXPR_SYNTAX             | 0
            "   "                         | EXPR_SYNTAX             | 0
            1 +                           | EXPR_SYNTAX             | 3
            (1 + 2                        | EXPR_SYNTAX             | 6
            1 + 2)                        | EXPR_SYNTAX             | 5
            1 2                           | EXPR_SYNTAX             | 2
            'open                         | EXPR_SYNTAX             | 0
            amount # 2                    | EXPR_SYNTAX             | 7
            amount ! 2                    | EXPR_SYNTAX             | 7
            3.                            | EXPR_SYNTAX             | 1
            .5                            | EXPR_SYNTAX             | 0
            IF(true, 1,)                  | EXPR_SYNTAX             | 11
            lines.                        | EXPR_SYNTAX             | 6
            and true                      | EXPR_SYNTAX             | 0
            + 1                           | EXPR_SYNTAX             | 0
            true(1)                       | EXPR_SYNTAX             | 4
            amount = 合同                  | EXPR_SYNTAX             | 9
            unknown_field + 1             | EXPR_UNKNOWN_FIELD      | 0
            1 + Amount                    | EXPR_UNKNOWN_FIELD      | 4
            SUM(lines.nope)               | EXPR_UNKNOWN_FIELD      | 4
            FOO(1)                        | EXPR_UNKNOWN_FUNCTION   | 0
            CONTAINS(title, 'a')          | EXPR_UNKNOWN_FUNCTION   | 0
            IF(true, 1)                   | EXPR_ARITY              | 0
            1 + NOT(true, false)          | EXPR_ARITY              | 4
            TODAY(1)                      | EXPR_ARITY              | 0
            ROUND(1, 2, 3)                | EXPR_ARITY              | 0
            SUM(lines.qty, 1)             | EXPR_ARITY              | 0
            CONCAT()                      | EXPR_ARITY              | 0
            amount + 'x'                  | EXPR_TYPE_MISMATCH      | 9
            'x' * 2                       | EXPR_TYPE_MISMATCH      | 0
            -title                        | EXPR_TYPE_MISMATCH      | 1
            not amount                    | EXPR_TYPE_MISMATCH      | 4
            amount and true               | EXPR_TYPE_MISMATCH      | 0
            not 1 + 2                     | EXPR_TYPE_MISMATCH      | 4
            -'x' = 1                      | EXPR_TYPE_MISMATCH      | 1
            ROUND('x') > 'y'              | EXPR_TYPE_MISMATCH      | 6
            amount = 'x'                  | EXPR_TYPE_MISMATCH      | 7
            urgent < 1                    | EXPR_TYPE_MISMATCH      | 0
            tags = 'x'                    | EXPR_TYPE_MISMATCH      | 0
            tags & 'x'                    | EXPR_TYPE_MISMATCH      | 0
            UPPER(tags)                   | EXPR_TYPE_MISMATCH      | 6
            IF(amount, 1, 2)              | EXPR_TYPE_MISMATCH      | 3
            IF(true, 1, 'x')              | EXPR_TYPE_MISMATCH      | 12
            COALESCE(amount, title)       | EXPR_TYPE_MISMATCH      | 17
            MAX(1, 'a')                   | EXPR_TYPE_MISMATCH      | 7
            MAX(urgent, 1)                | EXPR_TYPE_MISMATCH      | 4
            ROUND('x')                    | EXPR_TYPE_MISMATCH      | 6
            LEN(amount)                   | EXPR_TYPE_MISMATCH      | 4
            YEAR(title)                   | EXPR_TYPE_MISMATCH      | 5
            DAYS(ends_on, 3)              | EXPR_TYPE_MISMATCH      | 14
            signed_on + ends_on           | EXPR_TYPE_MISMATCH      | 10
            1 - signed_on                 | EXPR_TYPE_MISMATCH      | 2
            updated_at + 1                | EXPR_TYPE_MISMATCH      | 0
            SUM(lines.product)            | EXPR_TYPE_MISMATCH      | 4
            AVG(lines.shipped_on)         | EXPR_TYPE_MISMATCH      | 4
            SUM(lines.qty * SUM(lines.price)) | EXPR_TYPE_MISMATCH  | 16
            lines.qty * 2                 | EXPR_AGGREGATE_REQUIRED | 0
            1 + lines                     | EXPR_AGGREGATE_REQUIRED | 4
            SUM(amount)                   | EXPR_AGGREGATE_REQUIRED | 0
            SUM(lines)                    | EXPR_AGGREGATE_REQUIRED | 0
            SUM(lines.qty * notes.body)   | EXPR_AGGREGATE_REQUIRED | 16
            SUM(items.qty)                | EXPR_UNKNOWN_SUBTABLE   | 4
            DATEADD(signed_on, 2, 'hour')  | EXPR_TYPE_MISMATCH     | 22
            DATEADD(signed_on, 2, 'minute') | EXPR_TYPE_MISMATCH    | 22
            DATEADD(signed_on, 2, 'week')  | EXPR_ARGUMENT_INVALID  | 22
            DATEADD(signed_on, 2, 'Day')   | EXPR_ARGUMENT_INVALID  | 22
            DATEADD(signed_on, 2, title)   | EXPR_ARGUMENT_INVALID  | 22
            DATEADD(signed_on, 2, null)    | EXPR_ARGUMENT_INVALID  | 22
            DATEADD(amount, 2, 'day')      | EXPR_TYPE_MISMATCH     | 8
            DATEADD(signed_on, '2', 'day') | EXPR_TYPE_MISMATCH     | 19
            DATEADD(signed_on, 2)          | EXPR_ARITY             | 0
            HOURS(signed_on, updated_at)   | EXPR_TYPE_MISMATCH     | 6
            HOURS(updated_at, 3)           | EXPR_TYPE_MISMATCH     | 18
            HOURS(updated_at)              | EXPR_ARITY             | 0
            123456789012345678901234567890123456789 + 12 | EXPR_NUMBER_TOO_LARGE | 0
            1 + 0.123456789012345678901234567890123456789 | EXPR_NUMBER_TOO_LARGE | 4
            """)
    void reportsTheProblemWithItsCodeAndPosition(String source, String code, int position) {
        List<ExpressionProblem> problems = problems(source, null);

        assertThat(problems).extracting(ExpressionProblem::code, ExpressionProblem::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(code, position));
    }

    @Test
    void acceptsNumbersOfThirtyEightDigits() {
        assertThat(Expressions.compile("12345678901234567890123456789012345678", Fixtures.CONTRACT_TYPES, null)
                .problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            amount                | BOOLEAN
            stage = 'signed'      | NUMBER
            signed_on + 1         | NUMBER
            """)
    void rejectsAResultOfTheWrongTypeAtPositionZero(String source, ValueType expected) {
        assertThat(problems(source, expected)).extracting(ExpressionProblem::code, ExpressionProblem::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EXPR_TYPE_MISMATCH", 0));
    }

    @Test
    void acceptsTheNullLiteralForAnyExpectedType() {
        Compilation compilation = Expressions.compile("null", Fixtures.CONTRACT_TYPES, ValueType.BOOLEAN);

        assertThat(compilation.problems()).isEmpty();
        assertThat(compilation.expression().orElseThrow().resultType()).isEqualTo(ValueType.BOOLEAN);
    }

    @Test
    void reportsEveryProblemInSourceOrder() {
        List<ExpressionProblem> problems = problems("IF(nope, FOO(1), amount + 'x') & lines.qty & MAX(1)", null);

        assertThat(problems).extracting(ExpressionProblem::code, ExpressionProblem::position).containsExactly(
                org.assertj.core.groups.Tuple.tuple("EXPR_UNKNOWN_FIELD", 3),
                org.assertj.core.groups.Tuple.tuple("EXPR_UNKNOWN_FUNCTION", 9),
                org.assertj.core.groups.Tuple.tuple("EXPR_TYPE_MISMATCH", 26),
                org.assertj.core.groups.Tuple.tuple("EXPR_AGGREGATE_REQUIRED", 33));
    }

    @Test
    void doesNotCascadeFromAnUnknownField() {
        List<ExpressionProblem> problems = problems("ROUND(nope * 2, 1) > 3 and UPPER(nope) = 'X'", null);

        assertThat(problems).extracting(ExpressionProblem::code).containsOnly("EXPR_UNKNOWN_FIELD");
        assertThat(problems).hasSize(2);
    }

    @Test
    void rejectsSourcesLongerThanFourThousandCharacters() {
        String source = "1" + " + 1".repeat(1000);

        assertThat(problems(source, null)).extracting(ExpressionProblem::code).containsExactly("EXPR_TOO_LONG");
        assertThat(Expressions.compile("1" + " ".repeat(3999), Fixtures.CONTRACT_TYPES, null).problems()).isEmpty();
    }

    @Test
    void rejectsNestingDeeperThanSixtyFourLevels() {
        assertThat(problems("(".repeat(100) + "1" + ")".repeat(100), null))
                .extracting(ExpressionProblem::code).containsExactly("EXPR_TOO_DEEP");
        assertThat(problems("ABS(".repeat(70) + "1" + ")".repeat(70), null))
                .extracting(ExpressionProblem::code).containsExactly("EXPR_TOO_DEEP");
        assertThat(problems("-".repeat(500) + "1", null))
                .extracting(ExpressionProblem::code).containsExactly("EXPR_TOO_DEEP");
        assertThat(Expressions.compile("(".repeat(60) + "1" + ")".repeat(60), Fixtures.CONTRACT_TYPES, null)
                .problems()).isEmpty();
    }

    @Test
    void rejectsOperatorChainsTallerThanTheEvaluatorMayRecurse() {
        assertThat(problems("1" + "+1".repeat(1500), null))
                .extracting(ExpressionProblem::code).containsExactly("EXPR_TOO_DEEP");
        assertThat(Expressions.compile("1" + "+1".repeat(200), Fixtures.CONTRACT_TYPES, null).problems()).isEmpty();
    }

    @Test
    void neverEchoesLiteralValuesInMessages() {
        List<ExpressionProblem> problems = problems("amount + 'secret-value' & tags", ValueType.BOOLEAN);

        assertThat(problems).isNotEmpty().allSatisfy(problem -> assertThat(problem.message()).doesNotContain("secret"));
    }

    @Test
    void namesTheUnknownFieldAndFunction() {
        assertThat(problems("missing_one + NOPE(1)", null)).extracting(ExpressionProblem::message)
                .anySatisfy(message -> assertThat(message).contains("missing_one"))
                .anySatisfy(message -> assertThat(message).contains("NOPE"));
    }

    @Test
    void treatsAMissingScopeAsOneWithoutFields() {
        Compilation compilation = Expressions.compile("amount", null, null);

        assertThat(compilation.problems()).extracting(ExpressionProblem::code).containsExactly("EXPR_UNKNOWN_FIELD");
    }

    @Test
    void treatsAMissingSourceAsEmpty() {
        assertThat(Expressions.compile(null, Fixtures.CONTRACT_TYPES, null).problems())
                .extracting(ExpressionProblem::code).containsExactly("EXPR_SYNTAX");
    }
}
