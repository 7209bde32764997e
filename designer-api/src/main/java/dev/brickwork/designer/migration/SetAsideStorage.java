package dev.brickwork.designer.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.brickwork.designer.migration.SqlNames.quote;

/**
 * The SQL that finds, measures and purges a form's set-aside storage: columns named {@code _removed_v<N>_…} in the
 * form's table and its live child tables, and set-aside child tables (found by their {@code parent_id} foreign key
 * to the form's table, whatever their name was shortened to). Pure, like the planner: it renders SQL.
 */
public final class SetAsideStorage {

    /** (table, column) of every set-aside column in a schema ({@code ?1}). */
    public static final String COLUMNS = "SELECT c.relname::text, a.attname::text FROM pg_attribute a"
            + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ?1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped"
            + " AND a.attname LIKE '\\_removed\\_v%' AND c.relname NOT LIKE '\\_removed\\_v%' ORDER BY 1, a.attnum";

    /** (table, foreign key) of every set-aside table whose rows belong to the form table {@code ?2} (qualified). */
    public static final String TABLES = "SELECT c.relname::text, k.conname::text FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[1]"
            + " WHERE n.nspname = ?1 AND k.contype = 'f' AND k.confrelid = to_regclass(?2) AND a.attname = 'parent_id'"
            + " AND c.relname LIKE '\\_removed\\_v%' ORDER BY 1";

    /** (table, attribute numbers used) of the form's live tables ({@code ?1} schema): what the column limit counts. */
    public static final String CAPACITY = "SELECT c.relname::text, c.relnatts::int FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?1 AND c.relkind = 'r' ORDER BY 1";

    private static final Pattern VERSION = Pattern.compile("^" + SqlNames.ASIDE_PREFIX + "(\\d+)_");

    private SetAsideStorage() {
    }

    /** The version that set a column or table aside, read from its name. */
    public static Optional<Integer> removedIn(String name) {
        Matcher matcher = VERSION.matcher(name);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    public static boolean isAside(String name) {
        return name.startsWith(SqlNames.ASIDE_PREFIX);
    }

    /** Counts values and bytes of each column, in one scan: {@code count(c1), sum(size(c1)), count(c2), …}. */
    public static String measure(String schema, String table, List<String> columns) {
        List<String> parts = new ArrayList<>();
        for (String column : columns) {
            parts.add("count(" + quote(column) + ")");
            parts.add("coalesce(sum(pg_column_size(" + quote(column) + ")), 0)::bigint");
        }
        return "SELECT " + String.join(", ", parts) + " FROM " + SqlNames.qualified(schema, table);
    }

    /** A table's rows and its size on disk, indexes and TOAST included. */
    public static String rows(String schema, String table) {
        String qualified = SqlNames.qualified(schema, table);
        return "SELECT count(*), pg_total_relation_size('" + qualified + "'::regclass) FROM " + qualified;
    }

    public static String dropColumns(String schema, String table, List<String> columns) {
        return "ALTER TABLE " + SqlNames.qualified(schema, table) + " "
                + String.join(", ", columns.stream().map(c -> "DROP COLUMN " + quote(c)).toList());
    }

    public static String dropTable(String schema, String table) {
        return "DROP TABLE " + SqlNames.qualified(schema, table);
    }
}
