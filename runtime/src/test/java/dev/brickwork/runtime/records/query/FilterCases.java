package dev.brickwork.runtime.records.query;

import org.junit.jupiter.params.provider.Arguments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Filters of every operator on every column type, each with the Java predicate it must agree with. Running them
 * binds every parameter type (String, Long, BigDecimal, Boolean, LocalDate, OffsetDateTime, UUID, String[]) against
 * its real column.
 */
final class FilterCases {

    private static final String ALICE = "\"" + QueryData.ALICE + "\"";
    private static final String BOB = "\"" + QueryData.BOB + "\"";
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2024-05-01T00:01:40Z");

    private FilterCases() {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("text eq", "stage", "eq", "\"signed\"", r -> "signed".equals(r.get("stage"))),
                c("text ne matches NULL", "stage", "ne", "\"signed\"", r -> !"signed".equals(r.get("stage"))),
                c("text lt", "title", "lt", "\"d10\"", r -> text(r, "title") != null && text(r, "title").compareTo("d10") < 0),
                c("text between", "title", "between", "[\"d05\", \"d09\"]",
                        r -> text(r, "title") != null && text(r, "title").compareTo("d05") >= 0 && text(r, "title").compareTo("d09") <= 0),
                c("text in", "stage", "in", "[\"draft\", \"lost\"]", r -> Set.of("draft", "lost").contains(Objects.toString(r.get("stage")))),
                c("text nin matches NULL", "stage", "nin", "[\"draft\", \"lost\"]", r -> !Set.of("draft", "lost").contains(Objects.toString(r.get("stage")))),
                c("text contains ignores case", "note", "contains", "\"ACME\"", r -> text(r, "note") != null && text(r, "note").toLowerCase().contains("acme")),
                c("text contains % literally", "note", "contains", "\"0%\"", r -> text(r, "note") != null && text(r, "note").contains("0%")),
                c("text contains _ literally", "note", "contains", "\"e_\"", r -> text(r, "note") != null && text(r, "note").contains("e_")),
                c("text startsWith", "email", "startsWith", "\"USER1\"", r -> text(r, "email") != null && text(r, "email").startsWith("user1")),
                c("text isNull", "title", "isNull", "true", r -> r.get("title") == null),
                c("text is not null", "title", "isNull", "false", r -> r.get("title") != null),
                c("bigint eq", "qty", "eq", "11", r -> Long.valueOf(11).equals(r.get("qty"))),
                c("bigint ne", "qty", "ne", "\"11\"", r -> !Long.valueOf(11).equals(r.get("qty"))),
                c("bigint lte negative", "qty", "lte", "-5", r -> r.get("qty") != null && (Long) r.get("qty") <= -5),
                c("bigint between", "qty", "between", "[0, 10]", r -> r.get("qty") != null && (Long) r.get("qty") >= 0 && (Long) r.get("qty") <= 10),
                c("bigint in", "qty", "in", "[1, 2, 3]", r -> r.get("qty") != null && Set.of(1L, 2L, 3L).contains(r.get("qty"))),
                c("bigint nin", "qty", "nin", "[1, 2, 3]", r -> r.get("qty") == null || !Set.of(1L, 2L, 3L).contains(r.get("qty"))),
                c("numeric gt string", "amount", "gt", "\"500.00\"", r -> decimal(r) != null && decimal(r).compareTo(new BigDecimal("500")) > 0),
                c("numeric lt number", "amount", "lt", "100.5", r -> decimal(r) != null && decimal(r).compareTo(new BigDecimal("100.5")) < 0),
                c("numeric eq exact", "amount", "eq", "\"79.19\"", r -> decimal(r) != null && decimal(r).compareTo(new BigDecimal("79.19")) == 0),
                c("numeric in", "amount", "in", "[\"79.19\", 158.38]", r -> decimal(r) != null
                        && (decimal(r).compareTo(new BigDecimal("79.19")) == 0 || decimal(r).compareTo(new BigDecimal("158.38")) == 0)),
                c("numeric isNull", "amount", "isNull", "true", r -> r.get("amount") == null),
                c("boolean eq", "hot", "eq", "true", r -> Boolean.TRUE.equals(r.get("hot"))),
                c("boolean ne matches NULL", "hot", "ne", "true", r -> !Boolean.TRUE.equals(r.get("hot"))),
                c("date gte", "due", "gte", "\"2024-07-01\"", r -> r.get("due") != null && !((LocalDate) r.get("due")).isBefore(LocalDate.of(2024, 7, 1))),
                c("date between", "due", "between", "[\"2024-02-01\", \"2024-02-29\"]", r -> r.get("due") != null
                        && !((LocalDate) r.get("due")).isBefore(LocalDate.of(2024, 2, 1)) && !((LocalDate) r.get("due")).isAfter(LocalDate.of(2024, 2, 29))),
                c("timestamptz lt with offset", "meeting", "lt", "\"2024-05-01T08:01:40+08:00\"",
                        r -> r.get("meeting") != null && ((OffsetDateTime) r.get("meeting")).isBefore(NOON)),
                c("timestamptz eq to the microsecond", "meeting", "eq", "\"2024-05-01T00:00:13.000013Z\"",
                        r -> OffsetDateTime.parse("2024-05-01T00:00:13.000013Z").isEqual(orNull((OffsetDateTime) r.get("meeting")))),
                c("system createdAt gte", "createdAt", "gte", "\"2024-05-01T00:04:00Z\"",
                        r -> !((OffsetDateTime) r.get("createdAt")).isBefore(OffsetDateTime.parse("2024-05-01T00:04:00Z"))),
                c("uuid eq", "rep", "eq", ALICE, r -> QueryData.ALICE.equals(r.get("rep"))),
                c("uuid ne", "owner", "ne", ALICE, r -> !QueryData.ALICE.equals(r.get("owner"))),
                c("uuid in", "owner", "in", "[" + ALICE + ", " + BOB + "]", r -> QueryData.ALICE.equals(r.get("owner")) || QueryData.BOB.equals(r.get("owner"))),
                c("uuid nin", "createdBy", "nin", "[" + ALICE + "]", r -> !QueryData.ALICE.equals(r.get("createdBy"))),
                c("reference isNull", "parent", "isNull", "false", r -> r.get("parent") != null),
                c("approval eq", "approval", "eq", "\"pending\"", r -> "pending".equals(r.get("approval"))),
                c("multiselect contains", "tags", "contains", "\"red\"", r -> tags(r).contains("red")),
                c("multiselect in overlaps", "tags", "in", "[\"green\", \"purple\"]", r -> tags(r).contains("green")),
                c("multiselect nin", "tags", "nin", "[\"red\"]", r -> !tags(r).contains("red")),
                c("multiselect eq same set any order", "tags", "eq", "[\"green\", \"red\"]", r -> r.get("tags") != null && tags(r).equals(Set.of("red", "green"))),
                c("multiselect eq empty set", "tags", "eq", "[]", r -> r.get("tags") != null && tags(r).isEmpty()),
                c("multiselect ne", "tags", "ne", "[\"red\", \"green\"]", r -> r.get("tags") == null || !tags(r).equals(Set.of("red", "green"))),
                c("multiselect isNull counts empty", "tags", "isNull", "true", r -> tags(r).isEmpty()),
                c("multiselect not empty", "tags", "isNull", "false", r -> !tags(r).isEmpty()),
                Arguments.of("nested and/or",
                        "{\"and\": [{\"field\": \"hot\", \"op\": \"eq\", \"value\": true}, {\"or\": [{\"field\": \"stage\", \"op\": \"eq\", \"value\": \"lost\"},"
                                + " {\"and\": [{\"field\": \"qty\", \"op\": \"gt\", \"value\": 20}, {\"field\": \"title\", \"op\": \"isNull\", \"value\": false}]}]}]}",
                        (Predicate<Map<String, Object>>) r -> Boolean.TRUE.equals(r.get("hot")) && ("lost".equals(r.get("stage"))
                                || r.get("qty") != null && (Long) r.get("qty") > 20 && r.get("title") != null)));
    }

    private static Arguments c(String name, String field, String op, String value, Predicate<Map<String, Object>> expected) {
        return Arguments.of(name, Planning.condition(field, op, value), expected);
    }

    private static String text(Map<String, Object> row, String key) {
        return (String) row.get(key);
    }

    private static BigDecimal decimal(Map<String, Object> row) {
        return (BigDecimal) row.get("amount");
    }

    private static Set<String> tags(Map<String, Object> row) {
        return row.get("tags") == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) row.get("tags")));
    }

    private static OffsetDateTime orNull(OffsetDateTime time) {
        return time == null ? OffsetDateTime.MIN : time;
    }
}
