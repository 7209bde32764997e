package dev.brickwork.runtime.records.query;

import dev.brickwork.designer.migration.ColumnType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The filter operators (docs/spec.md §4), by their JSON name, and the column types each applies to. */
public enum FilterOp {
    EQ("eq"), NE("ne"), LT("lt"), LTE("lte"), GT("gt"), GTE("gte"), IN("in"), NIN("nin"),
    CONTAINS("contains"), STARTS_WITH("startsWith"), IS_NULL("isNull"), BETWEEN("between");

    private static final Set<FilterOp> ORDERED = EnumSet.of(EQ, NE, LT, LTE, GT, GTE, IN, NIN, IS_NULL, BETWEEN);

    private final String json;

    FilterOp(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static Optional<FilterOp> fromJson(String name) {
        return Arrays.stream(values()).filter(op -> op.json.equals(name)).findFirst();
    }

    /** The operators that make sense for a column type; none for jsonb. */
    public static Set<FilterOp> applicableTo(ColumnType type) {
        return switch (type) {
            case TEXT -> EnumSet.allOf(FilterOp.class);
            case BIGINT, NUMERIC, DATE, TIMESTAMPTZ -> EnumSet.copyOf(ORDERED);
            case BOOLEAN -> EnumSet.of(EQ, NE, IS_NULL);
            case UUID -> EnumSet.of(EQ, NE, IN, NIN, IS_NULL);
            case TEXT_ARRAY -> EnumSet.of(EQ, NE, IN, NIN, CONTAINS, IS_NULL);
            case JSONB -> EnumSet.noneOf(FilterOp.class);
            case BYTEA -> EnumSet.of(EQ, NE, IN, NIN, IS_NULL);
        };
    }
}
