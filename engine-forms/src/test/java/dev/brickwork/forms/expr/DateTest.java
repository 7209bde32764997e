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

    // updated_at is 2023-12-31T20:00Z, which is 04:00 on 1 January 2024 in Shanghai
    @ParameterizedTest(name = "{0} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            DATEADD(signed_on, 1, 'day')                          | DATE     | 2024-02-29
            DATEADD(signed_on, -59, 'day')                        | DATE     | 2023-12-31
            DATEADD(signed_on, 2.9, 'day')                        | DATE     | 2024-03-01
            DATEADD(signed_on, 1, 'month')                        | DATE     | 2024-03-28
            DATEADD(signed_on, 12, 'month')                       | DATE     | 2025-02-28
            DATEADD(signed_on, 1.9, 'year')                       | DATE     | 2025-02-28
            DATEADD(DATEADD(signed_on, 1, 'day'), 1, 'year')      | DATE     | 2025-02-28
            DATEADD(ends_on, -1, 'year')                          | DATE     | 2024-02-28
            DATEADD(updated_at, 2, 'hour')                        | DATETIME | 2023-12-31T22:00:00Z
            DATEADD(updated_at, 1.5, 'hour')                      | DATETIME | 2023-12-31T21:30:00Z
            DATEADD(updated_at, 90, 'minute')                     | DATETIME | 2023-12-31T21:30:00Z
            DATEADD(updated_at, 0.0000001, 'minute')              | DATETIME | 2023-12-31T20:00:00.000006Z
            DATEADD(updated_at, -30, 'minute')                    | DATETIME | 2023-12-31T19:30:00Z
            DATEADD(updated_at, 1, 'day')                         | DATETIME | 2024-01-01T20:00:00Z
            DATEADD(updated_at, 1, 'month')                       | DATETIME | 2024-01-31T20:00:00Z
            DATEADD(updated_at, 2, 'month')                       | DATETIME | 2024-02-29T20:00:00Z
            DATEADD(updated_at, 1, 'year')                        | DATETIME | 2024-12-31T20:00:00Z
            DATEADD(NOW(), 2, 'hour') > NOW()                     | BOOLEAN  | true
            DATEADD(blank_date, 1, 'day')                         | DATE     | null
            DATEADD(signed_on, blank_number, 'day')               | DATE     | null
            HOURS(NOW(), updated_at)                              | NUMBER   | 1782.5
            HOURS(updated_at, NOW())                              | NUMBER   | -1782.5
            HOURS(DATEADD(updated_at, 20, 'minute'), updated_at)  | NUMBER   | 0.3333333333333333333333333333333333
            HOURS(DATEADD(updated_at, 1, 'day'), updated_at)      | NUMBER   | 24
            HOURS(updated_at, updated_at)                         | NUMBER   | 0
            """)
    void addsUnitsToDatesAndCountsHoursBetweenDatesAndTimes(String source, ValueType type, String expected) {
        assertThat(Results.compiled(source).resultType()).isEqualTo(type);
        assertThat(show(value(source, Fixtures.CONTRACT))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            DATEADD(signed_on, 10000000, 'year')       | EXPR_NUMBER_TOO_LARGE
            DATEADD(signed_on, 100000, 'month')        | EXPR_NUMBER_TOO_LARGE
            DATEADD(signed_on, -3000000, 'day')        | EXPR_NUMBER_TOO_LARGE
            DATEADD(updated_at, 1000000000000, 'hour') | EXPR_NUMBER_TOO_LARGE
            DATEADD(updated_at, 90000000, 'hour')      | EXPR_NUMBER_TOO_LARGE
            DATEADD(updated_at, -9000, 'year')         | EXPR_NUMBER_TOO_LARGE
            """)
    void refusesADateAdditionThatLeavesTheCalendar(String source, String code) {
        assertThat(Results.failure(source, Fixtures.CONTRACT).code()).isEqualTo(code);
    }
}
