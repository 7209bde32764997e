package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.Results.show;
import static dev.brickwork.forms.expr.Results.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// The clock is fixed at 2024-03-15T02:30Z and the zone is Asia/Shanghai (+08:00).
class DateTest {

    @ParameterizedTest(name = "{0} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            TODAY()                          | DATE     | 2024-03-15
            now()                            | DATETIME | 2024-03-15T02:30:00Z
            signed_on + 1                    | DATE     | 2024-02-29
            1 + signed_on                    | DATE     | 2024-02-29
            signed_on + 2.9                  | DATE     | 2024-03-01
            signed_on - 28                   | DATE     | 2024-01-31
            ends_on - signed_on              | NUMBER   | 366
            signed_on - ends_on              | NUMBER   | -366
            TODAY() - signed_on              | NUMBER   | 16
            DAYS(ends_on, signed_on)         | NUMBER   | 366
            DAYS(TODAY(), updated_at)        | NUMBER   | 74
            DAYS(NOW(), signed_on)           | NUMBER   | 16
            YEAR(signed_on)                  | NUMBER   | 2024
            MONTH(signed_on)                 | NUMBER   | 2
            YEAR(updated_at)                 | NUMBER   | 2024
            MONTH(updated_at)                | NUMBER   | 1
            signed_on < TODAY()              | BOOLEAN  | true
            updated_at < NOW()               | BOOLEAN  | true
            'on ' & signed_on                | TEXT     | 'on 2024-02-28'
            """)
    void computesWithDatesInTheScopesZone(String source, ValueType type, String expected) {
        assertThat(Results.compiled(source).resultType()).isEqualTo(type);
        assertThat(show(value(source, Fixtures.CONTRACT))).isEqualTo(expected);
    }
}
