package dev.brickwork.designer.migration;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an app's schema holds before a publish, as read from PostgreSQL's catalog: every relation name (tables,
 * indexes and sequences share one namespace) and, per table, the attribute numbers it has used and the objects it
 * owns. The planner needs it to set a table aside with everything it owns, to refuse a version the tables
 * cannot take, and to create what a table lacks.
 *
 * @param extensions the extensions the planner can use (only {@code pg_trgm}), to the schema each is installed in
 */
public record StoredTables(Map<String, Table> tables, Set<String> relations, Map<String, String> extensions) {

    /** The extension whose operator class indexes {@code q}'s substring search (decision 0028). */
    public static final String TRIGRAMS = "pg_trgm";

    /** The platform's function that indexes one- and two-character searches, listed with the extensions. */
    public static final String SHORT_GRAMS = "short_grams";

    /**
     * Reads a schema ({@code ?1}): one row per relation (name, kind, attributes, indexes, constraints, sequences), and
     * one of kind {@code e} for pg_trgm when it is installed (its name, and its schema in the place of the indexes).
     */
    public static final String QUERY = "SELECT c.relname::text, c.relkind::text, c.relnatts::int,"
            + " coalesce((SELECT string_agg(i.relname::text, ' ') FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
            + " WHERE x.indrelid = c.oid), ''),"
            + " coalesce((SELECT string_agg(k.conname::text, ' ') FROM pg_constraint k WHERE k.conrelid = c.oid"
            + " AND k.contype IN ('c', 'f')), ''),"
            + " coalesce((SELECT string_agg(s.relname::text, ' ') FROM pg_depend d JOIN pg_class s ON s.oid = d.objid"
            + " WHERE d.refobjid = c.oid AND d.classid = 'pg_class'::regclass AND s.relkind = 'S'), '')"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?1"
            + " UNION ALL SELECT e.extname::text, 'e', 0, x.nspname::text, '', '' FROM pg_extension e"
            + " JOIN pg_namespace x ON x.oid = e.extnamespace WHERE e.extname = '" + TRIGRAMS + "'"
            + " UNION ALL SELECT '" + SHORT_GRAMS + "', 'e', 0, 'brickwork', '', ''"
            + " WHERE to_regprocedure('" + ColumnType.SHORT_GRAMS + "(text)') IS NOT NULL";

    /** PostgreSQL's MaxHeapAttributeNumber: attribute numbers a table may ever use, dropped columns' included. */
    public static final int MAX_COLUMNS = 1600;

    /** The schema of an app that has published nothing yet. */
    public static final StoredTables NONE = new StoredTables(Map.of(), Set.of(), Map.of());

    /**
     * @param attributes  attribute numbers used: live, set-aside and dropped columns alike, since PostgreSQL never
     *                    reuses the number of a dropped column and counts it toward its limit of 1,600
     * @param indexes     every index on the table, the primary key's included
     * @param constraints foreign keys and checks (constraints backed by an index are renamed with their index)
     * @param sequences   sequences owned by the table's columns
     */
    public record Table(String name, int attributes, List<String> indexes, List<String> constraints, List<String> sequences) {
    }

    public StoredTables {
        tables = Map.copyOf(tables);
        relations = Set.copyOf(relations);
        extensions = Map.copyOf(extensions);
    }

    /** The catalog rows of {@link #QUERY}. */
    public static StoredTables of(List<Object[]> rows) {
        Map<String, Table> tables = new HashMap<>();
        Set<String> relations = new HashSet<>();
        Map<String, String> extensions = new HashMap<>();
        for (Object[] row : rows) {
            String name = (String) row[0];
            if ("e".equals(row[1])) {
                extensions.put(name, (String) row[3]);
                continue;
            }
            relations.add(name);
            if ("r".equals(row[1])) {
                tables.put(name, new Table(name, ((Number) row[2]).intValue(), names(row[3]), names(row[4]), names(row[5])));
            }
        }
        return new StoredTables(tables, relations, extensions);
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** Whether the platform's short_grams function is there (a schema made by this release's migrations). */
    public boolean hasShortGrams() {
        return extensions.containsKey(SHORT_GRAMS);
    }

    /** The schema pg_trgm is installed in, or null when it is not. */
    public String trigramSchema() {
        return extensions.get(TRIGRAMS);
    }

    /**
     * True when the table is there but has no index or constraint of that name: created by a release that did not
     * make it, or dropped by hand. False for a table the catalog does not hold (yet).
     */
    public boolean lacks(String table, String object) {
        return table(table).map(t -> !t.indexes().contains(object) && !t.constraints().contains(object)).orElse(false);
    }

    /** True when the table holds an index or constraint of that name. */
    public boolean holds(String table, String object) {
        return table(table).map(t -> t.indexes().contains(object) || t.constraints().contains(object)).orElse(false);
    }

    private static List<String> names(Object joined) {
        String text = (String) joined;
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
    }
}
