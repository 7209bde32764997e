package dev.brickwork.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Phase A through JDBC: single-row INSERTs in autocommit, with the same values as the API side, owned by the admin. */
final class RawInsert implements Worker {

    static final String SQL = "INSERT INTO " + Form.TABLE + " (id, owner, created_by, title, customer_name, email, phone,"
            + " stage, amount, probability, close_date, owner_note, region, priority, active)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final PreparedStatement insert;
    private final Deal[] deals;
    private final UUID adminId;
    private final int thread;
    private int i;

    RawInsert(Database db, Deal[] deals, UUID adminId, int thread) throws SQLException {
        this.deals = deals;
        this.adminId = adminId;
        this.thread = thread;
        connection = db.connect();
        insert = connection.prepareStatement(SQL);
    }

    @Override
    public boolean call() throws SQLException {
        Deal deal = Deal.pick(deals, thread, i++);
        insert.setObject(1, Database.uuidV7());
        insert.setObject(2, adminId);
        insert.setObject(3, adminId);
        insert.setString(4, deal.title());
        insert.setString(5, deal.customer());
        insert.setString(6, deal.email());
        insert.setString(7, deal.phone());
        insert.setString(8, deal.stage());
        insert.setBigDecimal(9, deal.amount());
        insert.setBigDecimal(10, deal.probability());
        insert.setObject(11, deal.closeDate());
        insert.setString(12, deal.note());
        insert.setString(13, deal.region());
        insert.setLong(14, deal.priority());
        insert.setBoolean(15, deal.active());
        return insert.executeUpdate() == 1;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
