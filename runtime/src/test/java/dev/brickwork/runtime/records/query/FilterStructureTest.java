package dev.brickwork.runtime.records.query;

import dev.brickwork.platform.http.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.brickwork.runtime.records.query.Planning.condition;
import static dev.brickwork.runtime.records.query.Planning.errors;
import static dev.brickwork.runtime.records.query.Planning.filter;
import static dev.brickwork.runtime.records.query.Planning.refusedFilter;
import static org.assertj.core.api.Assertions.assertThat;

class FilterStructureTest {

    private static final String OK = condition("title", "eq", "\"x\"");

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"and\": [", "not json", "{} {}", "{'field': 'title'}", "   "})
    void answersMalformedJsonWith400(String filter) {
        ProblemException e = refusedFilter(filter);

        assertThat(e.type()).isEqualTo(QueryProblem.FILTER_MALFORMED);
        assertThat(e.type().status()).isEqualTo(400);
        assertThat(errors(e)).containsExactly("/filter FILTER_MALFORMED");
    }

    @Test
    void answersARepeatedKeyWith400AtTheRepeat() {
        ProblemException e = refusedFilter("{\"and\": [{\"field\": \"title\", \"field\": \"note\", \"op\": \"eq\", \"value\": \"x\"}]}");

        assertThat(e.type()).isEqualTo(QueryProblem.FILTER_MALFORMED);
        assertThat(errors(e)).containsExactly("/filter/and/0/field JSON_DUPLICATE_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\\u0000b\"", "\"\\ud800\"", "[\"ok\", \"\\udc00x\"]"})
    void refusesTextPostgresCannotStoreAtItsPointer(String value) {
        ProblemException e = refusedFilter("{\"and\": [{\"field\": \"title\", \"op\": \"in\", \"value\": " + value + "}]}");

        assertThat(e.type().status()).isEqualTo(422);
        assertThat(errors(e)).singleElement().asString().startsWith("/filter/and/0/value").endsWith("TEXT_INVALID");
    }

    @Test
    void rendersNestedGroupsWithTheirParentheses() {
        ListPlan plan = filter("{\"and\": [" + OK + ", {\"or\": [" + condition("qty", "gt", "1") + ", " + condition("hot", "eq", "true") + "]}]}");

        assertThat(plan.page().sql()).contains("(r.\"title\" = $1 AND (r.\"qty\" > $2 OR r.\"hot\" = $3))");
        assertThat(plan.page().params()).containsExactly("x", 1L, true);
    }

    @Test
    void acceptsASingleConditionAtTheTop() {
        assertThat(filter(OK).page().sql()).contains("r.\"title\" = $1");
    }

    @Test
    void rendersNegationsSoThatNullsMatch() {
        assertThat(filter(condition("stage", "ne", "\"lost\"")).page().sql()).contains("r.\"stage\" IS DISTINCT FROM $1");
        assertThat(filter(condition("stage", "nin", "[\"lost\"]")).page().sql())
                .contains("(r.\"stage\" IS NULL OR r.\"stage\" NOT IN ($1))");
    }

    @Test
    void escapesLikeWildcardsInContainsAndStartsWith() {
        assertThat(filter(condition("title", "contains", "\"50%_off\\\\\"")).page().params()).containsExactly("%50\\%\\_off\\\\%");
        assertThat(filter(condition("title", "startsWith", "\"a_\"")).page().params()).containsExactly("a\\_%");
    }

    @Test
    void refusesNodesThatAreNeitherGroupsNorConditions() {
        assertThat(errors(refusedFilter("[]"))).containsExactly("/filter FILTER_NODE_INVALID");
        assertThat(errors(refusedFilter("\"title\""))).containsExactly("/filter FILTER_NODE_INVALID");
        assertThat(errors(refusedFilter("{\"and\": []}"))).containsExactly("/filter/and FILTER_NODE_INVALID");
        assertThat(errors(refusedFilter("{\"or\": {}}"))).containsExactly("/filter/or FILTER_NODE_INVALID");
        assertThat(errors(refusedFilter("{\"and\": [" + OK + "], \"or\": [" + OK + "]}"))).containsExactly("/filter FILTER_NODE_INVALID");
        assertThat(errors(refusedFilter("{\"and\": [" + OK + ", 5, null]}")))
                .containsExactly("/filter/and/1 FILTER_NODE_INVALID", "/filter/and/2 FILTER_NODE_INVALID");
    }

    @Test
    void refusesUnknownPropertiesWithEscapedPointers() {
        assertThat(errors(refusedFilter("{\"and\": [" + OK + "], \"not\": true}"))).containsExactly("/filter/not FILTER_PROPERTY_UNKNOWN");
        assertThat(errors(refusedFilter("{\"and\": [{\"field\": \"title\", \"op\": \"eq\", \"value\": \"x\", \"a/b~\": 1}]}")))
                .containsExactly("/filter/and/0/a~1b~0 FILTER_PROPERTY_UNKNOWN");
        assertThat(errors(refusedFilter("{\"and\": [" + OK + "], \"field\": \"title\"}"))).containsExactly("/filter/field FILTER_PROPERTY_UNKNOWN");
    }

    @Test
    void nestsGroupsTenDeepButNotEleven() {
        assertThat(filter(nested(10)).page().sql()).contains("r.\"title\" = $1");

        assertThat(errors(refusedFilter(nested(11)))).containsExactly("/filter" + "/and/0".repeat(10) + " FILTER_TOO_DEEP");
    }

    @Test
    void takesAHundredConditionsButNotMore() {
        assertThat(filter(conditions(100)).page().params()).hasSize(100);

        ProblemException e = refusedFilter(conditions(101));
        assertThat(errors(e)).containsExactly("/filter FILTER_TOO_MANY_CONDITIONS");
    }

    @Test
    void reportsEveryProblemAtOnceAcrossTheQuery() {
        String filter = "{\"and\": [" + condition("nope", "eq", "1") + ", {\"or\": [" + condition("title", "zz", "\"x\"") + ", "
                + condition("qty", "eq", "\"x\"") + ", " + condition("hot", "lt", "true") + "]}, " + condition("due", "eq", "\"x\"") + "]}";

        ProblemException e = Planning.refused(new ListRequest(filter, "-nope,title,title", "x".repeat(201), "0", null, false, false));

        assertThat(e.type()).isEqualTo(QueryProblem.QUERY_INVALID);
        assertThat(errors(e)).containsExactly(
                "/filter/and/0/field FILTER_FIELD_UNKNOWN",
                "/filter/and/1/or/0/op FILTER_OP_UNKNOWN",
                "/filter/and/1/or/1/value FILTER_VALUE_INVALID",
                "/filter/and/1/or/2/op FILTER_OP_UNSUPPORTED",
                "/filter/and/2/value FILTER_VALUE_INVALID",
                "/sort/0 SORT_FIELD_UNKNOWN",
                "/sort/2 SORT_TERM_DUPLICATE",
                "/q Q_TOO_LONG",
                "/limit LIMIT_INVALID");
    }

    @Test
    void neverEchoesTheRejectedValue() {
        ProblemException e = refusedFilter("{\"and\": [" + condition("secret_sauce", "eq", "\"hunter2\"") + ", "
                + condition("qty", "eq", "\"hunter3\"") + "]}");

        assertThat(e.toDetail().toString()).doesNotContain("hunter2").doesNotContain("hunter3").doesNotContain("secret_sauce");
    }

    private static String nested(int depth) {
        return "{\"and\": [".repeat(depth) + OK + "]}".repeat(depth);
    }

    private static String conditions(int count) {
        return IntStream.range(0, count).mapToObj(i -> condition("qty", "ne", Integer.toString(i)))
                .collect(Collectors.joining(", ", "{\"or\": [", "]}"));
    }
}
