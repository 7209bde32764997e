package dev.brickwork.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL against the test database, to check what the API did (or did not) write. */
public final class Db {

    private Db() {
    }

    public static void execute(String sql, Object... params) {
        try (Connection c = TestDatabase.connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row as a list of strings. */
    public static List<List<String>> rows(String sql, Object... params) {
        try (Connection c = TestDatabase.connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String single(String sql, Object... params) {
        List<List<String>> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public static long count(String sql, Object... params) {
        return Long.parseLong(single(sql, params));
    }

    /**
     * Everything publishing can touch, as text: metadata rows (apps, forms, flows and their versions) and the columns,
     * indexes and constraints of every app schema. Equal snapshots before and after a refused call prove it wrote
     * nothing.
     */
    public static List<List<String>> snapshot() {
        List<List<String>> all = new ArrayList<>();
        all.addAll(rows("SELECT app_key, label::text, version::text FROM brickwork.apps ORDER BY app_key"));
        all.addAll(rows("SELECT form_key, coalesce(current_version::text, '-') FROM brickwork.forms ORDER BY app_id, form_key"));
        all.addAll(rows("SELECT form_id::text, number::text FROM brickwork.form_versions ORDER BY form_id, number"));
        all.addAll(rows("SELECT flow_key, coalesce(current_version::text, '-'), version::text,"
                + " md5(coalesce(draft::text, '') || coalesce(draft_bpmn, '')) FROM brickwork.flows ORDER BY app_id, flow_key"));
        all.addAll(rows("SELECT flow_id::text, number::text, process_definition_id FROM brickwork.flow_versions"
                + " ORDER BY flow_id, number"));
        all.addAll(rows("SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema LIKE 'app\\_%' ORDER BY 1, 2, 3"));
        all.addAll(rows("SELECT schemaname, indexname, indexdef FROM pg_indexes WHERE schemaname LIKE 'app\\_%' ORDER BY 1, 2"));
        all.addAll(rows("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE connamespace::regnamespace::text LIKE 'app\\_%' ORDER BY 1"));
        return all;
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}
