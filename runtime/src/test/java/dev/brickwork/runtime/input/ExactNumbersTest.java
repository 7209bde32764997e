package dev.brickwork.runtime.input;

import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.brickwork.runtime.input.BadInputWorld.RECORDS;
import static dev.brickwork.runtime.input.BadInputWorld.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Numbers, dates and times are kept exactly as sent or refused at their field: never rounded through a double,
 * never a 500 from a value PostgreSQL or the driver cannot hold, never a silent infinity.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ExactNumbersTest {

    @BeforeEach
    void publishTheApp() {
        BadInputWorld.record();
    }

    @Test
    void keepsMoneyAndDecimalsSentAsJsonNumbersExactly() {
        String id = admin().body("{\"fields\": {\"name\": \"exact\", \"amount\": 12345678901234567.89, \"plain\": 0.1000000000000000000000000001,"
                        + " \"rate\": 1.10, \"qty\": 9223372036854775807}}")
                .post(RECORDS).then().statusCode(201)
                .body("fields.amount", equalTo("12345678901234567.89"))
                .body("fields.total", equalTo("24691357802469135.78"))
                .body("fields.plain", equalTo("0.1000000000000000000000000001"))
                .body("fields.qty", equalTo(Long.MAX_VALUE))
                .extract().path("id");

        assertThat(Db.rows("SELECT amount::text, plain::text, qty::text FROM app_bad_input.thing WHERE id = ?::uuid", id))
                .containsExactly(List.of("12345678901234567.89", "0.1000000000000000000000000001", "9223372036854775807"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "amount | 1e-400                                   | FIELD_SCALE",
            "amount | 0.001                                    | FIELD_SCALE",
            "amount | \"10.999\"                               | FIELD_SCALE",
            "rate   | 1.234                                    | FIELD_SCALE",
            "share  | 12.25                                    | FIELD_SCALE",
            "plain  | 1e-31                                    | FIELD_SCALE",
            "plain  | 1e400                                    | FIELD_NUMBER_TOO_LARGE",
            "plain  | 1234567890123456789012345678901          | FIELD_NUMBER_TOO_LARGE",
            "qty    | 9223372036854775808                      | FIELD_NUMBER_TOO_LARGE",
            "qty    | -99999999999999999999999                 | FIELD_NUMBER_TOO_LARGE",
            "due    | \"0000-12-31\"                           | FIELD_DATE_INVALID",
            "at     | \"+294277-01-01T00:00:00Z\"              | FIELD_DATETIME_INVALID",
            "at     | \"+999999999-12-31T23:59:59Z\"           | FIELD_DATETIME_INVALID",
            "at     | \"0000-12-31T23:59:59Z\"                 | FIELD_DATETIME_INVALID",
            "at     | \"9999-12-31T23:59:59-01:00\"            | FIELD_DATETIME_INVALID"})
    void refusesAValueItsFieldCannotKeepAtItsPointer(String field, String json, String code) {
        long before = BadInputWorld.footprint();

        try (LogCapture log = LogCapture.open()) {
            admin().body("{\"fields\": {\"name\": \"refused\", \"" + field + "\": " + json + "}}").post(RECORDS).then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("/fields/" + field)).body("errors[0].code", equalTo(code));
            assertThat(log.tracesAndErrors()).isEmpty();
        }
        assertThat(BadInputWorld.footprint()).isEqualTo(before);
    }

    @Test
    void anExponentNoDecimalHoldsIsALocated422() {
        admin().body("{\"fields\": {\"name\": \"huge\", \"plain\": 1e9999999999}}").post(RECORDS).then()
                .statusCode(422).body("errors[0].pointer", equalTo("/fields/plain"))
                .body("errors[0].code", equalTo("NUMBER_OUT_OF_RANGE"));
    }

    @Test
    void aFormulaDateLeavingTheCalendarIsRefusedNotA500() {
        try (LogCapture log = LogCapture.open()) {
            admin().body("{\"fields\": {\"name\": \"far\", \"due\": \"2000-01-01\", \"plain\": -9000000}}").post(RECORDS).then()
                    .statusCode(422).body("errors[0].pointer", equalTo("/fields/later"));
            assertThat(log.tracesAndErrors()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"field\": \"due\", \"op\": \"gt\", \"value\": \"0000-01-01\"}",
            "{\"field\": \"at\", \"op\": \"lt\", \"value\": \"+300000-01-01T00:00:00Z\"}",
            "{\"field\": \"qty\", \"op\": \"eq\", \"value\": 99999999999999999999}"})
    void aFilterValueOutOfRangeIsALocated422(String filter) {
        try (LogCapture log = LogCapture.open()) {
            admin().queryParam("filter", filter).get(RECORDS).then().statusCode(422)
                    .body("errors[0].pointer", equalTo("/filter/value"));
            assertThat(log.tracesAndErrors()).isEmpty();
        }
    }
}
