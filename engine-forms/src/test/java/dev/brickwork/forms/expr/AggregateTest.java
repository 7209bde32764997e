package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.Results.compiled;
import static dev.brickwork.forms.expr.Results.show;
import static dev.brickwork.forms.expr.Results.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// The fixture contract has three lines: 3 x 19.99, 2 x 5.50 and one with a blank quantity at 1.00.
class AggregateTest {

    private static final ValueScope NO_LINES = new Fixtures.Values(Map.of("amount", Fixtures.number("5")),
            Map.of("lines", List.of()));

    @Test
    void sumsARowExpressionExactly() {
        ValueScope oneLine = new Fixtures.Values(Map.of(), Map.of("lines", List.of(Fixtures.line("Widget", "3", "19.99"))));

        assertThat(value("SUM(lines.qty * lines.price)", oneLine)).isEqualTo(Fixtures.number("59.97"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SUM(lines.qty * lines.price)               | 70.97
            SUM(lines.line_total)                      | 70.97
            sum(lines.qty)                             | 5
            AVG(lines.qty)                             | 2.5
            AVG(lines.price)                           | 8.83
            COUNT(lines)                               | 3
            COUNT(lines.qty)                           | 2
            COUNT(lines.product)                       | 3
            MIN(lines.price)                           | 1.00
            MAX(lines.qty * lines.price)               | 59.97
            MAX(lines.product)                         | 'Widget'
            MIN(lines.shipped_on)                      | null
            SUM(lines.qty * lines.price * (1 - discount)) | 63.873
            SUM(IF(lines.qty > 2, lines.qty, 0))       | 3
            SUM(MAX(lines.qty, 1))                     | 5
            SUM(COALESCE(lines.qty, 0) * lines.price) + 1 | 71.97
            amount - SUM(lines.line_total)             | 249929.03
            SUM(lines.qty) / COUNT(lines)              | 1.666666666666666666666666666666667
            'n=' & COUNT(lines)                        | 'n=3'
            """)
    void aggregatesOverSubtableRows(String source, String expected) {
        assertThat(show(value(source, Fixtures.CONTRACT))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SUM(lines.qty)        | 0
            COUNT(lines)          | 0
            COUNT(lines.qty)      | 0
            AVG(lines.qty)        | null
            MIN(lines.qty)        | null
            MAX(lines.product)    | null
            """)
    void aggregatesNoRowsToZeroOrNull(String source, String expected) {
        assertThat(show(value(source, NO_LINES))).isEqualTo(expected);
    }

    @Test
    void referencesTheColumnsRead() {
        assertThat(compiled("SUM(lines.qty * lines.price) > amount").references())
                .containsExactlyInAnyOrder("lines.qty", "lines.price", "amount");
        assertThat(compiled("COUNT(lines) + MAX(lines.line_total)").references())
                .containsExactlyInAnyOrder("lines", "lines.line_total");
        assertThat(compiled("1 + 2").references()).isEmpty();
    }

    @Test
    void readsTheCompiledFormsLikeSpecSection2() {
        assertThat(compiled("SUM(lines.line_total)").resultType()).isEqualTo(ValueType.NUMBER);
        assertThat(Expressions.compile("amount >= total", Fixtures.CONTRACT_TYPES, ValueType.BOOLEAN).problems())
                .extracting(ExpressionProblem::code).containsExactly("EXPR_UNKNOWN_FIELD");
        assertThat(Expressions.compile("qty * price", Fixtures.LINE_TYPES, ValueType.NUMBER).ok()).isTrue();
        assertThat(Expressions.compile("stage = 'signed'", Fixtures.CONTRACT_TYPES, ValueType.BOOLEAN).ok()).isTrue();
    }
}
