package dev.brickwork.runtime.records.query;

import org.junit.jupiter.params.provider.Arguments;

import java.util.stream.Stream;

/** Attempts to get SQL in through every part of a list query, and what each must come to: 400, 422 or nothing found. */
final class NastyInputs {

    private static final String DROP = "x'; DROP TABLE app_query_t.deal; --";

    private NastyInputs() {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                a("field name", filter(Planning.condition("title\\\" = '' OR 1=1 --", "eq", "\"x\"")), 422),
                a("field name with quote", filter(Planning.condition("title\\\"; DROP TABLE x; --", "isNull", "true")), 422),
                a("field as column expression", filter(Planning.condition("1) OR (1=1", "eq", "\"x\"")), 422),
                a("op", filter(Planning.condition("title", "= '' OR 1=1 --", "\"x\"")), 422),
                a("op as SQL operator", filter(Planning.condition("title", "IS NOT NULL OR", "\"x\"")), 422),
                a("text value", filter(Planning.condition("title", "eq", "\"" + DROP + "\"")), 200),
                a("contains value", filter(Planning.condition("note", "contains", "\"%' OR '1'='1\"")), 200),
                a("startsWith wildcard", filter(Planning.condition("title", "startsWith", "\"%\"")), 200),
                a("list values", filter(Planning.condition("stage", "in", "[\"" + DROP + "\", \") OR (1=1\"]")), 200),
                a("multiselect value", filter(Planning.condition("tags", "contains", "\"red'] OR TRUE --\"")), 200),
                a("number value", filter(Planning.condition("qty", "eq", "\"1 OR 1=1\"")), 422),
                a("uuid value", filter(Planning.condition("owner", "eq", "\"00000000-0000-0000-0000-000000000000' OR '1'='1\"")), 422),
                a("date value", filter(Planning.condition("due", "eq", "\"2024-01-01'::date OR TRUE --\"")), 422),
                a("unknown property", filter("{\"field\": \"title\", \"op\": \"eq\", \"value\": \"x\", \"sql\": \"1=1\"}"), 422),
                a("broken JSON", filter("{\"field\": \"title\", \"op\": \"eq\", \"value\": \"x\"' OR 1=1"), 400),
                a("sort term", sort("title; DROP TABLE app_query_t.deal"), 422),
                a("sort direction", sort("title DESC, (SELECT 1)"), 422),
                a("sort quote", sort("\"title\""), 422),
                a("q", q(DROP), 200),
                a("q wildcard", q("%_%"), 200),
                a("q backslash", q("\\"), 200),
                a("limit", new ListRequest(null, null, null, "10; DROP TABLE x", null, false, false), 422),
                a("cursor", new ListRequest(null, null, null, null, "' OR 1=1 --", false, false), 400));
    }

    private static Arguments a(String name, ListRequest request, int status) {
        return Arguments.of(name, request, status);
    }

    private static ListRequest filter(String filter) {
        return new ListRequest(filter, null, null, null, null, false, false);
    }

    private static ListRequest sort(String sort) {
        return new ListRequest(null, sort, null, null, null, false, false);
    }

    private static ListRequest q(String q) {
        return new ListRequest(null, null, q, null, null, false, false);
    }
}
