package dev.brickwork.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Phase B through JDBC: the same keyset walks as {@link ApiPages}, with {@code id < cursor}, reading every column of
 * the page's rows.
 */
final class RawPages implements Worker {

    static final String FIRST = "SELECT * FROM " + Form.TABLE + " WHERE deleted_at IS NULL AND stage = ? ORDER BY id DESC"
            + " LIMIT " + (Form.PAGE + 1);
    static final String NEXT = "SELECT * FROM " + Form.TABLE + " WHERE deleted_at IS NULL AND stage = ? AND id < ?"
            + " ORDER BY id DESC LIMIT " + (Form.PAGE + 1);

    private final Connection connection;
    private final PreparedStatement first;
    private final PreparedStatement next;
    private final int pagesPerWalk;
    private UUID cursor;
    private int page;

    RawPages(Database db, int pagesPerWalk) throws SQLException {
        this.pagesPerWalk = pagesPerWalk;
        connection = db.connect();
        first = connection.prepareStatement(FIRST);
        next = connection.prepareStatement(NEXT);
    }

    @Override
    public boolean call() throws SQLException {
        PreparedStatement query = cursor == null ? first : next;
        query.setString(1, Form.FILTER_STAGE);
        if (cursor != null) {
            query.setObject(2, cursor);
        }
        int count = 0;
        UUID last = null;
        try (ResultSet r = query.executeQuery()) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                if (++count <= Form.PAGE) {
                    for (int i = 1; i <= columns; i++) {
                        r.getObject(i);
                    }
                    last = r.getObject("id", UUID.class);
                }
            }
        }
        cursor = count > Form.PAGE && ++page < pagesPerWalk ? last : null;
        if (cursor == null) {
            page = 0;
        }
        return count > 0;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
