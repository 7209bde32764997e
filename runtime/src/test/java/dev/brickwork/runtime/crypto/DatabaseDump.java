package dev.brickwork.runtime.crypto;

import dev.brickwork.testing.Db;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Every row of every table of the test database as text, the engine's schema included: what {@code pg_dump -a} would
 * show, read with SQL so that it works whatever {@code pg_dump} the machine has (or none).
 */
final class DatabaseDump {

    private DatabaseDump() {
    }

    /** One line per row, prefixed with its table. */
    static List<String> rows() {
        List<String> lines = new ArrayList<>();
        for (List<String> table : Db.rows("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)"
                + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                + " AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
            String name = table.get(0);
            for (List<String> row : Db.rows("SELECT t::text FROM " + name + " t")) {
                lines.add(name + " " + row.get(0));
            }
        }
        return lines;
    }

    /**
     * The rows that hold one of the values in clear: as text, or as the hex of its UTF-8 bytes (how a {@code bytea}
     * column, such as the engine's serialised variables, prints).
     */
    static List<String> rowsHolding(List<String> values) {
        List<String> found = new ArrayList<>();
        for (String row : rows()) {
            String lower = row.toLowerCase(java.util.Locale.ROOT);
            for (String value : values) {
                if (row.contains(value) || lower.contains(HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)))) {
                    found.add(value + " in " + row);
                }
            }
        }
        return found;
    }
}
