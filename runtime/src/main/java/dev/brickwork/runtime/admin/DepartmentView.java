package dev.brickwork.runtime.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A department as the API shows it. The list is flat, each entry naming its parent (null at a root): clients
 * build the tree, and a move changes one entry rather than a nested document.
 */
public record DepartmentView(UUID id, String name, UUID parent, UUID manager, int version) {

    private static final String SELECT = "SELECT id, name, parent_id, manager_id, version FROM brickwork.departments";

    static DepartmentView find(Connection c, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(SELECT + " WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? of(row) : null;
            }
        }
    }

    static List<DepartmentView> all(Connection c) throws SQLException {
        List<DepartmentView> all = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(SELECT + " ORDER BY name, id"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                all.add(of(rows));
            }
        }
        return all;
    }

    private static DepartmentView of(ResultSet row) throws SQLException {
        return new DepartmentView(row.getObject(1, UUID.class), row.getString(2), row.getObject(3, UUID.class),
                row.getObject(4, UUID.class), row.getInt(5));
    }
}
