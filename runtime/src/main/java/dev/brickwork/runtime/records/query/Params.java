package dev.brickwork.runtime.records.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bind parameters of one statement, numbered in the order they are added. Every part of the statement
 * (filter, search, permission scope, keyset) adds its values here, so they share one {@code $n} numbering.
 */
public final class Params {

    private final List<Object> values = new ArrayList<>();

    /**
     * Adds a value and returns its placeholder ({@code $n}). Values are what the Vert.x PostgreSQL client binds:
     * String, Long, BigDecimal, Boolean, LocalDate, OffsetDateTime, UUID, String[].
     */
    public String add(Object value) {
        values.add(Objects.requireNonNull(value, "bind NULL through SQL (IS NULL), not as a parameter"));
        return "$" + values.size();
    }

    public int size() {
        return values.size();
    }

    public List<Object> values() {
        return List.copyOf(values);
    }
}
