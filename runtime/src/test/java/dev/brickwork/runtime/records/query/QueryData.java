package dev.brickwork.runtime.records.query;

import dev.brickwork.platform.Ids;
import dev.brickwork.testing.Db;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Deals inserted straight into the table, and the same deals in Java, keyed by API name, to compute what a list
 * must return. Text values are lower-case letters and digits only, so that Java's order is the database's under any
 * collation. Many ties and NULLs, so the id tiebreaker and the NULL handling of the keyset get exercised.
 */
final class QueryData {

    static final int ROWS = 300;
    static final UUID ALICE = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    static final UUID BOB = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    static final UUID CAROL = UUID.fromString("00000000-0000-7000-8000-00000000000c");
    private static final OffsetDateTime BASE = OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final List<String> COLUMNS = List.of("id", "owner", "created_by", "created_at", "updated_at", "deleted_at",
            "approval", "code", "title", "note", "email", "stage", "tags", "qty", "amount", "hot", "due", "meeting", "parent", "rep");

    final List<Map<String, Object>> all = new ArrayList<>();

    static QueryData insert(String table) {
        QueryData data = new QueryData();
        for (int i = 0; i < ROWS; i++) {
            data.all.add(row(i, data.all));
        }
        List<Object> params = new ArrayList<>();
        for (Map<String, Object> row : data.all) {
            for (String column : COLUMNS) {
                params.add(row.get(apiName(column)));
            }
        }
        String placeholders = data.all.stream().map(r -> COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(", "));
        Db.execute("INSERT INTO " + table + " (" + String.join(", ", COLUMNS) + ") VALUES " + placeholders, params.toArray());
        return data;
    }

    private static Map<String, Object> row(int i, List<Map<String, Object>> before) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", Ids.newId());
        row.put("owner", i % 7 == 0 ? null : List.of(ALICE, BOB, CAROL).get(i % 3));
        row.put("createdBy", i % 2 == 0 ? ALICE : BOB);
        row.put("createdAt", BASE.plusSeconds((i * 37L) % ROWS).plusNanos(i * 1000L));
        row.put("updatedAt", BASE.plusDays(i % 4));
        row.put("deletedAt", i % 10 == 9 ? BASE.plusDays(30) : null);
        row.put("approval", List.of("none", "pending", "approved").get(i % 3));
        row.put("code", "D-%05d".formatted(i));
        row.put("title", i % 13 == 0 ? null : "d%02d".formatted((i * 7) % 40));
        row.put("note", switch (i % 25) {
            case 0 -> "Deal with Acme Corp";
            case 1 -> "50% off at ACME";
            case 2 -> "acme_x";
            case 3 -> null;
            default -> "plain note " + i;
        });
        row.put("email", i % 11 == 0 ? null : "user" + i + "@example.com");
        row.put("stage", new String[]{"draft", "signed", "lost", null, "signed"}[(i * 3) % 5]);
        row.put("tags", switch (i % 6) {
            case 0 -> null;
            case 1 -> new String[0];
            case 2 -> new String[]{"red"};
            case 3 -> new String[]{"red", "green"};
            case 4 -> new String[]{"green", "blue"};
            default -> new String[]{"blue", "red", "green"};
        });
        row.put("qty", i % 9 == 0 ? null : (long) ((i * 31) % 50 - 10));
        row.put("amount", i % 8 == 0 ? null : BigDecimal.valueOf((i * 7919L) % 100_000, 2));
        row.put("hot", i % 3 == 0 ? null : i % 2 == 0);
        row.put("due", i % 7 == 0 ? null : LocalDate.of(2024, 1, 1).plusDays((i * 11L) % 366));
        row.put("meeting", i % 5 == 0 ? null : BASE.plusNanos(((i * 13L) % 200) * 1_000_001_000L));
        row.put("parent", i % 4 == 0 || before.isEmpty() ? null : before.get(i / 2).get("id"));
        row.put("rep", i % 5 == 0 ? null : i % 2 == 0 ? ALICE : BOB);
        return row;
    }

    private static String apiName(String column) {
        return switch (column) {
            case "created_by" -> "createdBy";
            case "created_at" -> "createdAt";
            case "updated_at" -> "updatedAt";
            case "deleted_at" -> "deletedAt";
            default -> column;
        };
    }

    List<Map<String, Object>> live() {
        return all.stream().filter(r -> r.get("deletedAt") == null).toList();
    }

    List<Map<String, Object>> deleted() {
        return all.stream().filter(r -> r.get("deletedAt") != null).toList();
    }

    /** The ids of the live records that match, in no particular order. */
    List<UUID> idsWhere(Predicate<Map<String, Object>> predicate) {
        return live().stream().filter(predicate).map(r -> (UUID) r.get("id")).toList();
    }

    /** The ids in the order {@code sort} asks for, as the database orders them (NULL is the greatest value). */
    static List<UUID> ordered(List<Map<String, Object>> rows, String sort) {
        List<String> terms = new ArrayList<>(sort == null ? List.of("-id") : List.of(sort.split(",")));
        if (terms.stream().noneMatch(t -> t.replace("-", "").equals("id"))) {
            terms.add(terms.get(terms.size() - 1).startsWith("-") ? "-id" : "id");
        }
        Comparator<Map<String, Object>> order = (a, b) -> 0;
        for (String term : terms) {
            boolean descending = term.startsWith("-");
            String field = descending ? term.substring(1) : term;
            Comparator<Map<String, Object>> one = Comparator.comparing(r -> comparable(r.get(field)),
                    Comparator.nullsLast(Comparator.<Comparable<Object>>naturalOrder()));
            order = order.thenComparing(descending ? one.reversed() : one);
        }
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        return Collections.unmodifiableList(sorted.stream().map(r -> (UUID) r.get("id")).toList());
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Object value) {
        // uuid sorts by its bytes in PostgreSQL; the canonical text sorts the same way
        return (Comparable<Object>) (Comparable<?>) (value instanceof UUID uuid ? uuid.toString() : (Comparable<?>) value);
    }
}
