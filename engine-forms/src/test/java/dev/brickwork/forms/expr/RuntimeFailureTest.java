package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.Results.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeFailureTest {

    @ParameterizedTest(name = "{0} fails with {1} at {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            1 / 0                                 | EXPR_DIVISION_BY_ZERO | 2
            amount % (discount - 0.1)             | EXPR_DIVISION_BY_ZERO | 7
            1 + amount / (discount - 0.1)         | EXPR_DIVISION_BY_ZERO | 11
            IF(true, 1 / 0, 1)                    | EXPR_DIVISION_BY_ZERO | 11
            SUM(lines.price / (lines.qty - 2))    | EXPR_DIVISION_BY_ZERO | 16
            AVG(1 / (lines.qty - 3))              | EXPR_DIVISION_BY_ZERO | 6
            signed_on + 99999999                  | EXPR_NUMBER_TOO_LARGE | 10
            signed_on - 9000000                   | EXPR_NUMBER_TOO_LARGE | 10
            signed_on + 3000000                   | EXPR_NUMBER_TOO_LARGE | 10
            ROUND(1, 1001)                        | EXPR_NUMBER_TOO_LARGE | 0
            """)
    void failsWithALocatedProblem(String source, String code, int position) {
        ExpressionProblem problem = failure(source, Fixtures.CONTRACT);

        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.position()).isEqualTo(position);
    }

    @Test
    void refusesToGrowNumbersWithoutBound() {
        String big = "99999999999999999999999999999999999999";
        String source = String.join(" * ", Collections.nCopies(30, big));

        assertThat(failure(source, Fixtures.CONTRACT).code()).isEqualTo("EXPR_NUMBER_TOO_LARGE");
    }

    @Test
    void refusesHugeNumbersFromTheScope() {
        ValueScope scope = new Fixtures.Values(Map.of("amount", new Value.Number(new BigDecimal("1E+1000000000"))),
                Map.of());

        assertThat(failure("amount + 1", scope).code()).isEqualTo("EXPR_NUMBER_TOO_LARGE");
        assertThat(failure("amount + 1", scope).position()).isZero();
    }

    @Test
    void refusesAValueOfAnotherTypeThanDeclared() {
        ValueScope scope = new Fixtures.Values(Map.of("amount", new Value.Text("lots")), Map.of());

        ExpressionProblem problem = failure("amount * 2", scope);

        assertThat(problem.code()).isEqualTo("EXPR_TYPE_MISMATCH");
        assertThat(problem.message()).contains("amount").doesNotContain("lots");
    }

    @Test
    void readsNullPayloadsAndMissingRowsAsBlank() {
        ValueScope scope = new Fixtures.Values(Map.of("amount", new Value.Number(null),
                "signed_on", new Value.Date((LocalDate) null)), Map.of());

        assertThat(Results.value("ISBLANK(amount) and ISBLANK(signed_on) and COUNT(lines) = 0", scope))
                .isEqualTo(new Value.Bool(true));
    }

    @Test
    void turnsAFailingScopeIntoAnInternalProblem() {
        ValueScope throwing = new ValueScope() {
            @Override
            public Value valueOf(String fieldKey) {
                throw new IllegalStateException("database gone");
            }

            @Override
            public List<ValueScope> rowsOf(String subtableKey) {
                return List.of();
            }

            @Override
            public Clock clock() {
                return Fixtures.CLOCK;
            }

            @Override
            public ZoneId zone() {
                return Fixtures.ZONE;
            }
        };

        Evaluation evaluation = Results.compiled("amount + 1").evaluate(throwing);

        assertThat(evaluation).isInstanceOf(Evaluation.Failed.class);
        assertThat(((Evaluation.Failed) evaluation).problem().code()).isEqualTo("EXPR_INTERNAL");
        assertThat(Results.compiled("amount").evaluate(null)).isInstanceOf(Evaluation.Failed.class);
    }
}
