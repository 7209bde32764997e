package dev.brickwork.forms.filter;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The operators of the filter language (docs/spec.md §4), by their JSON name, and the kinds of value each applies
 * to. One table for the records list (runtime) and for the filters definitions carry (a roll-up's {@code filter}).
 */
public enum FilterOp {
    EQ("eq"), NE("ne"), LT("lt"), LTE("lte"), GT("gt"), GTE("gte"), IN("in"), NIN("nin"),
    CONTAINS("contains"), STARTS_WITH("startsWith"), IS_NULL("isNull"), BETWEEN("between");

    private static final Set<FilterOp> ORDERING = EnumSet.of(EQ, NE, LT, LTE, GT, GTE, IN, NIN, IS_NULL, BETWEEN);

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

    /** The operators that make sense for a kind of value; none for {@link FilterKind#NONE}. */
    public static Set<FilterOp> applicableTo(FilterKind kind) {
        return switch (kind) {
            case TEXT -> EnumSet.allOf(FilterOp.class);
            case ORDERED -> EnumSet.copyOf(ORDERING);
            case BOOLEAN -> EnumSet.of(EQ, NE, IS_NULL);
            case EQUALITY -> EnumSet.of(EQ, NE, IN, NIN, IS_NULL);
            case LIST -> EnumSet.of(EQ, NE, IN, NIN, CONTAINS, IS_NULL);
            case NONE -> EnumSet.noneOf(FilterOp.class);
        };
    }
}
