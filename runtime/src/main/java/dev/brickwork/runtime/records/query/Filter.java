package dev.brickwork.runtime.records.query;

import dev.brickwork.forms.filter.FilterOp;
import java.util.List;

/** A validated filter: groups of conditions whose fields, operators and values all checked out. */
sealed interface Filter {

    /** {@code and} (every member) or {@code or} (any member); never empty. */
    record Group(boolean any, List<Filter> members) implements Filter {
        public Group {
            members = List.copyOf(members);
        }
    }

    /**
     * One condition. The value is already the Java type bound for the column: a single value for comparisons, a
     * {@code List} for {@code in}, {@code nin} and {@code between} (a {@code String[]} for multiselects), a Boolean
     * for {@code isNull}, the raw String for {@code contains} and {@code startsWith}.
     */
    record Condition(QueryField field, FilterOp op, Object value) implements Filter {
    }
}
