package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.Results.compiled;
import static dev.brickwork.forms.expr.Results.show;
import static dev.brickwork.forms.expr.Results.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluationTest {

    @ParameterizedTest(name = "{0} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            12                               | NUMBER   | 12
            3.50                             | NUMBER   | 3.50
            0.1 + 0.2                        | NUMBER   | 0.3
            1 + 2 * 3                        | NUMBER   | 7
            (1 + 2) * 3                      | NUMBER   | 9
            10 - 4 - 3                       | NUMBER   | 3
            -2 * 3                           | NUMBER   | -6
            - -2                             | NUMBER   | 2
            7 % 3                            | NUMBER   | 1
            -7 % 3                           | NUMBER   | -1
            1 / 3                            | NUMBER   | 0.3333333333333333333333333333333333
            10 / 4                           | NUMBER   | 2.5
            100 / 1                          | NUMBER   | 100
            amount * (1 - discount)          | NUMBER   | 225000.000
            3 * 19.99                        | NUMBER   | 59.97
            'signed'                         | TEXT     | 'signed'
            'it''s'                          | TEXT     | 'it's'
            'a' & 'b'                        | TEXT     | 'ab'
            'n=' & 1.50                      | TEXT     | 'n=1.50'
            'v' & 1 / 4                      | TEXT     | 'v0.25'
            title & blank_text & '!'         | TEXT     | 'Big deal!'
            'x' & true & null & signed_on    | TEXT     | 'xtrue2024-02-28'
            stage = 'signed'                 | BOOLEAN  | true
            stage <> 'signed'                | BOOLEAN  | false
            stage != 'draft'                 | BOOLEAN  | true
            'B' < 'a'                        | BOOLEAN  | true
            1.0 = 1                          | BOOLEAN  | true
            2 <= 2 and 3 > 2                 | BOOLEAN  | true
            1 >= 2 or 2 >= 1                 | BOOLEAN  | true
            true or false and false          | BOOLEAN  | true
            not true or true                 | BOOLEAN  | true
            not 1 = 2                        | BOOLEAN  | true
            not 1 = 1 and true               | BOOLEAN  | false
            not false and false              | BOOLEAN  | false
            NOT (1 > 2)                      | BOOLEAN  | true
            urgent = true                    | BOOLEAN  | true
            amount >= 250000 AND blank_number = null | BOOLEAN | false
            ends_on > signed_on              | BOOLEAN  | true
            IF(urgent, 'yes', 'no')          | TEXT     | 'yes'
            if(1 > 2, 1, null)               | NUMBER   | null
            IF(amount > 0, amount, 0)        | NUMBER   | 250000.00
            AND(true, 1 < 2, urgent)         | BOOLEAN  | true
            OR(false, false)                 | BOOLEAN  | false
            ROUND(2.345, 2)                  | NUMBER   | 2.35
            ROUND(-2.5)                      | NUMBER   | -3
            ROUND(1234.5, -2)                | NUMBER   | 1200
            ROUND(1.5, 1.9)                  | NUMBER   | 1.5
            ABS(-3.20)                       | NUMBER   | 3.20
            MIN(3, 1, 2)                     | NUMBER   | 1
            MAX('apple', 'pear')             | TEXT     | 'pear'
            MAX(signed_on, ends_on)          | DATE     | 2025-02-28
            MIN(amount)                      | NUMBER   | 250000.00
            COALESCE(blank_number, 7)        | NUMBER   | 7
            COALESCE(null, null)             | NULL     | null
            ISBLANK(blank_text)              | BOOLEAN  | true
            ISBLANK('')                      | BOOLEAN  | true
            ISBLANK(' ')                     | BOOLEAN  | false
            ISBLANK(no_tags)                 | BOOLEAN  | true
            ISBLANK(tags)                    | BOOLEAN  | false
            LEN('合同abc')                    | NUMBER   | 5
            LEN(tags)                        | NUMBER   | 2
            UPPER('Straße')                  | TEXT     | 'STRASSE'
            lower(title)                     | TEXT     | 'big deal'
            CONCAT(title, ': ', amount)      | TEXT     | 'Big deal: 250000.00'
            CONCAT(blank_text)               | TEXT     | ''
            tags                             | LIST     | [vip, renewal]
            null                             | NULL     | null
            """)
    void evaluatesValidExpressions(String source, ValueType type, String expected) {
        // given
        CompiledExpression expression = compiled(source);

        // when
        Value result = value(source, Fixtures.CONTRACT);

        // then
        assertThat(expression.resultType()).isEqualTo(type);
        assertThat(show(result)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            blank_number + 1                 | null
            -blank_number                    | null
            blank_number * 0                 | null
            blank_number / 0                 | null
            blank_number = 1                 | null
            blank_number = null              | null
            blank_text < 'a'                 | null
            ROUND(blank_number, 2)           | null
            ABS(blank_number)                | null
            LEN(blank_text)                  | null
            UPPER(blank_text)                | null
            MAX(1, blank_number)             | null
            YEAR(blank_date)                 | null
            blank_date + 1                   | null
            IF(blank_number > 1, 'a', 'b')   | 'b'
            not (blank_number > 1)           | true
            NOT(blank_number > 1)            | true
            blank_number > 1 or true         | true
            blank_number > 1 and false       | false
            blank_number > 1 and true        | false
            blank_number > 1 or false        | false
            AND(blank_number > 1, true)      | false
            OR(blank_number > 1, true)       | true
            ISBLANK(blank_number)            | true
            blank_text & 'x'                 | 'x'
            CONCAT(blank_number, 'x')        | 'x'
            COALESCE(blank_text, title)      | 'Big deal'
            """)
    void treatsBlanksAsNull(String source, String expected) {
        assertThat(show(value(source, Fixtures.CONTRACT))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("doubleQuoted")
    void acceptsDoubleQuotedText(String source, String expected) {
        assertThat(show(value(source, Fixtures.CONTRACT))).isEqualTo(expected);
    }

    static Stream<Arguments> doubleQuoted() {
        return Stream.of(
                arguments("\"signed\"", "'signed'"),
                arguments("\"say \"\"hi\"\"\"", "'say \"hi\"'"),
                arguments("\"it's\"", "'it's'"),
                arguments("'x' & \"y\"", "'xy'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            if(TRUE, 1, 2)
            If(True, 1, 2)
            IF(true, 1, 2)
            iF(tRuE, 1, 2)
            """)
    void readsKeywordsAndFunctionsIgnoringCase(String source) {
        assertThat(show(value(source, Fixtures.CONTRACT))).isEqualTo("1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            IF(false, 1 / 0, 1)
            false and 1 / 0 = 1
            true or 1 / 0 = 1
            COALESCE(1, 1 / 0)
            """)
    void evaluatesOnlyWhatDecidesTheOutcome(String source) {
        assertThat(value(source, Fixtures.CONTRACT)).isNotInstanceOf(Value.Null.class);
    }
}
