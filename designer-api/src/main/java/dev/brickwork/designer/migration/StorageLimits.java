package dev.brickwork.designer.migration;

import dev.brickwork.forms.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What PostgreSQL would refuse halfway through a migration, found before any of it runs: a table passing the
 * column limit, and a name the plan creates that another relation of the schema already has.
 */
final class StorageLimits {

    private static final int MAX_COLUMNS = StoredTables.MAX_COLUMNS;

    private final StoredTables stored;
    private final Map<String, Integer> width = new HashMap<>();
    private final Set<String> freed = new HashSet<>();
    private final Set<String> full = new HashSet<>();
    private final List<Problem> refusals = new ArrayList<>();

    StorageLimits(StoredTables stored) {
        this.stored = stored;
    }

    /** A table this plan creates, with its system columns; {@code pointer} is the key it is named after. */
    void newTable(String table, int systemColumns, String pointer) {
        claim(table, pointer);
        width.put(table, systemColumns);
    }

    /** A relation this plan names itself (a table or an index): no other relation may have the name. */
    void claim(String relation, String pointer) {
        if (stored.relations().contains(relation) && !freed.contains(relation)) {
            refusals.add(Problem.error(pointer, StorageCodes.TABLE_NAME_TAKEN,
                    "Another table or index of the app's schema already has the name this key gives; choose another key."));
        }
    }

    /** A relation renamed or dropped earlier in the plan: its name can be taken again. */
    void free(String relation) {
        freed.add(relation);
    }

    /** One more column on {@code table}, for the field at {@code pointer}. */
    void column(String table, String pointer) {
        int used = width.computeIfAbsent(table, t -> stored.table(t).map(StoredTables.Table::attributes).orElse(0)) + 1;
        width.put(table, used);
        if (used > MAX_COLUMNS && full.add(table)) {
            refusals.add(Problem.error(pointer, StorageCodes.COLUMN_LIMIT_REACHED, "The table would pass PostgreSQL's limit of "
                    + MAX_COLUMNS + " columns, which every column it ever had counts toward (set-aside and purged ones"
                    + " too); move fields to a subtable."));
        }
    }

    List<Problem> refusals() {
        return List.copyOf(refusals);
    }
}
