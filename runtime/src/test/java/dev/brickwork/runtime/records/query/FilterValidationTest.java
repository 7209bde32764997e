package dev.brickwork.runtime.records.query;

import dev.brickwork.platform.http.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.brickwork.runtime.records.query.Planning.condition;
import static dev.brickwork.runtime.records.query.Planning.errors;
import static dev.brickwork.runtime.records.query.Planning.filter;
import static dev.brickwork.runtime.records.query.Planning.refusedFilter;
import static org.assertj.core.api.Assertions.assertThat;

class FilterValidationTest {

    private static final String UUID = "\"0192f6c8-1234-7abc-8def-0123456789ab\"";

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "title     | eq         | \"x\"",
            "title     | ne         | \"x\"",
            "title     | lt         | \"m\"",
            "title     | gte        | \"m\"",
            "title     | between    | [\"a\", \"m\"]",
            "title     | in         | [\"a\", \"b\"]",
            "title     | nin        | [\"a\"]",
            "title     | contains   | \"50%\"",
            "title     | startsWith | \"Ac\"",
            "title     | isNull     | true",
            "note      | contains   | \"x\"",
            "email     | eq         | \"a@b.cn\"",
            "code      | startsWith | \"D-\"",
            "stage     | eq         | \"signed\"",
            "qty       | eq         | 5",
            "qty       | eq         | \"5\"",
            "qty       | eq         | 5.0",
            "qty       | gt         | -3",
            "qty       | between    | [1, 10]",
            "qty       | in         | [1, 2, 3]",
            "qty       | nin        | [1]",
            "qty       | isNull     | false",
            "amount    | eq         | \"100.50\"",
            "amount    | gte        | 100.5",
            "amount    | lt         | \"1e3\"",
            "amount    | between    | [\"0\", 100]",
            "amount    | in         | [\"1.10\", 2]",
            "hot       | eq         | true",
            "hot       | ne         | false",
            "hot       | isNull     | true",
            "due       | eq         | \"2024-02-29\"",
            "due       | between    | [\"2024-01-01\", \"2024-12-31\"]",
            "meeting   | gt         | \"2024-05-01T08:00:00Z\"",
            "meeting   | lte        | \"2024-05-01T08:00:00.123456+08:00\"",
            "parent    | eq         | " + UUID,
            "rep       | in         | [" + UUID + "]",
            "rep       | nin        | [" + UUID + "]",
            "id        | eq         | " + UUID,
            "id        | ne         | " + UUID,
            "owner     | isNull     | true",
            "createdBy | eq         | " + UUID,
            "createdAt | gte        | \"2024-01-01T00:00:00Z\"",
            "updatedAt | between    | [\"2024-01-01T00:00:00Z\", \"2025-01-01T00:00:00+08:00\"]",
            "approval  | eq         | \"pending\"",
            "tags      | contains   | \"red\"",
            "tags      | in         | [\"red\", \"blue\"]",
            "tags      | nin        | [\"red\"]",
            "tags      | eq         | [\"red\", \"blue\"]",
            "tags      | eq         | []",
            "tags      | ne         | [\"red\"]",
            "tags      | isNull     | true",
    })
    void acceptsEveryOperatorOnTheTypesItAppliesTo(String field, String op, String value) {
        ListPlan plan = filter(condition(field, op, value));

        assertThat(plan.page().sql()).contains("r.\"");
        assertThat(plan.page().params()).doesNotContainNull();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(delimiter = '|', value = {
            "hot       | lt         | true                   | /op      | FILTER_OP_UNSUPPORTED",
            "hot       | in         | [true]                 | /op      | FILTER_OP_UNSUPPORTED",
            "qty       | contains   | \"1\"                  | /op      | FILTER_OP_UNSUPPORTED",
            "amount    | startsWith | \"1\"                  | /op      | FILTER_OP_UNSUPPORTED",
            "due       | contains   | \"2024\"               | /op      | FILTER_OP_UNSUPPORTED",
            "meeting   | startsWith | \"2024\"               | /op      | FILTER_OP_UNSUPPORTED",
            "parent    | lt         | " + UUID + "           | /op      | FILTER_OP_UNSUPPORTED",
            "id        | between    | [" + UUID + "," + UUID + "] | /op | FILTER_OP_UNSUPPORTED",
            "tags      | lt         | \"red\"                | /op      | FILTER_OP_UNSUPPORTED",
            "tags      | between    | [\"a\", \"b\"]         | /op      | FILTER_OP_UNSUPPORTED",
            "tags      | startsWith | \"r\"                  | /op      | FILTER_OP_UNSUPPORTED",
            "title     | like       | \"x\"                  | /op      | FILTER_OP_UNKNOWN",
            "title     | EQ         | \"x\"                  | /op      | FILTER_OP_UNKNOWN",
            "title     | '='        | \"x\"                  | /op      | FILTER_OP_UNKNOWN",
            "nope      | eq         | \"x\"                  | /field   | FILTER_FIELD_UNKNOWN",
            "created_at | eq        | \"x\"                  | /field   | FILTER_FIELD_UNKNOWN",
            "deleted_at | isNull    | true                   | /field   | FILTER_FIELD_UNKNOWN",
            "version   | eq         | 1                      | /field   | FILTER_FIELD_UNKNOWN",
            "Title     | eq         | \"x\"                  | /field   | FILTER_FIELD_UNKNOWN",
            "files     | isNull     | true                   | /field   | FILTER_FIELD_NOT_FILTERABLE",
            "lines     | isNull     | true                   | /field   | FILTER_FIELD_NOT_FILTERABLE",
            "secret    | contains   | \"x\"                  | /op      | FILTER_OP_UNSUPPORTED",
            "secret    | lt         | \"x\"                  | /op      | FILTER_OP_UNSUPPORTED",
            "title     | eq         | 5                      | /value   | FILTER_VALUE_INVALID",
            "title     | eq         | null                   | /value   | FILTER_VALUE_INVALID",
            "title     | eq         | [\"x\"]                | /value   | FILTER_VALUE_INVALID",
            "title     | contains   | 5                      | /value   | FILTER_VALUE_INVALID",
            "qty       | eq         | 5.5                    | /value   | FILTER_VALUE_INVALID",
            "qty       | eq         | \"abc\"                | /value   | FILTER_VALUE_INVALID",
            "qty       | eq         | 99999999999999999999   | /value   | FILTER_VALUE_INVALID",
            "amount    | eq         | \"12,5\"               | /value   | FILTER_VALUE_INVALID",
            "amount    | eq         | \"NaN\"                | /value   | FILTER_VALUE_INVALID",
            "amount    | eq         | true                   | /value   | FILTER_VALUE_INVALID",
            "amount    | eq         | \"1e99999\"            | /value   | FILTER_VALUE_INVALID",
            "hot       | eq         | \"true\"               | /value   | FILTER_VALUE_INVALID",
            "hot       | eq         | 1                      | /value   | FILTER_VALUE_INVALID",
            "due       | eq         | \"2024-02-30\"         | /value   | FILTER_VALUE_INVALID",
            "due       | eq         | \"2024/01/01\"         | /value   | FILTER_VALUE_INVALID",
            "due       | eq         | \"2024-1-1\"           | /value   | FILTER_VALUE_INVALID",
            "meeting   | eq         | \"2024-05-01T08:00:00\" | /value  | FILTER_VALUE_INVALID",
            "meeting   | eq         | \"yesterday\"          | /value   | FILTER_VALUE_INVALID",
            "parent    | eq         | \"not-a-uuid\"         | /value   | FILTER_VALUE_INVALID",
            "id        | eq         | 5                      | /value   | FILTER_VALUE_INVALID",
            "title     | in         | []                     | /value   | FILTER_VALUE_INVALID",
            "title     | in         | \"a\"                  | /value   | FILTER_VALUE_INVALID",
            "title     | in         | [1]                    | /value/0 | FILTER_VALUE_INVALID",
            "qty       | nin        | [1, \"x\", 3]          | /value/1 | FILTER_VALUE_INVALID",
            "title     | between    | [\"a\"]                | /value   | FILTER_VALUE_INVALID",
            "title     | between    | [\"a\", \"b\", \"c\"]  | /value   | FILTER_VALUE_INVALID",
            "qty       | between    | [1, \"x\"]             | /value/1 | FILTER_VALUE_INVALID",
            "title     | isNull     | \"yes\"                | /value   | FILTER_VALUE_INVALID",
            "title     | isNull     | null                   | /value   | FILTER_VALUE_INVALID",
            "tags      | contains   | [\"red\"]              | /value   | FILTER_VALUE_INVALID",
            "tags      | eq         | \"red\"                | /value   | FILTER_VALUE_INVALID",
            "tags      | in         | []                     | /value   | FILTER_VALUE_INVALID",
            "tags      | in         | [\"red\", 2]           | /value/1 | FILTER_VALUE_INVALID",
    })
    void refusesWhatDoesNotFitTheFieldWithAPointerToIt(String field, String op, String value, String at, String code) {
        ProblemException e = refusedFilter("{\"and\": [" + condition("title", "eq", "\"ok\"") + ", " + condition(field, op, value) + "]}");

        assertThat(e.type()).isEqualTo(QueryProblem.FILTER_INVALID);
        assertThat(e.type().status()).isEqualTo(422);
        assertThat(errors(e)).containsExactly("/filter/and/1" + at + " " + code);
    }

    @Test
    void refusesAConditionWithoutValueFieldOrOp() {
        assertThat(errors(refusedFilter(condition("title", "eq", null)))).containsExactly("/filter/value FILTER_PROPERTY_MISSING");
        assertThat(errors(refusedFilter("{}"))).containsExactly("/filter/field FILTER_PROPERTY_MISSING", "/filter/op FILTER_PROPERTY_MISSING");
    }

    @Test
    void refusesMoreThanFiveHundredValuesInAList() {
        String values = IntStream.range(0, 501).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));

        assertThat(errors(refusedFilter(condition("qty", "in", values)))).containsExactly("/filter/value FILTER_VALUE_INVALID");
        assertThat(filter(condition("qty", "in", values.replace(",500]", "]"))).page().params()).hasSize(500);
    }

    @Test
    void keepsDecimalsExact() {
        assertThat(filter(condition("amount", "eq", "0.10")).page().params()).containsExactly(new java.math.BigDecimal("0.10"));
        assertThat(filter(condition("amount", "eq", "\"12345678901234567890.123456789\"")).page().params())
                .containsExactly(new java.math.BigDecimal("12345678901234567890.123456789"));
    }
}
