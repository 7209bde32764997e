package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;

/**
 * Writes what a flow step changes on a record (update and outcome values) and notifications that name record fields
 * as rows of {@code brickwork.flow_effects}, on the engine's JDBC connection: the effect commits exactly when the
 * engine's step does, and {@link FlowEffects} applies it. Notes and plain notifications need no effect (decision 0012).
 */
final class EffectRows {

    /** The record a flow runs on. */
    record Target(String appKey, String formKey, UUID record) {
    }

    /** Stamped with the clock: the change lands later, but its timeline entry sorts among the step's notes. */
    private static final String SQL = "INSERT INTO brickwork.flow_effects"
            + " (app_key, form_key, record_id, kind, actor, payload, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?::jsonb, clock_timestamp())";

    /** How many effect rows this thread has written: an engine call that wrote none needs no drain after it. */
    private static final ThreadLocal<int[]> WRITTEN = ThreadLocal.withInitial(() -> new int[1]);

    private EffectRows() {
    }

    /** Whether {@code work} (an engine call on this thread, hooks included) wrote effect rows to apply afterwards. */
    static boolean wroteAny(Runnable work) {
        int before = WRITTEN.get()[0];
        work.run();
        return WRITTEN.get()[0] != before;
    }

    static void write(Connection connection, Target target, String kind, Actor actor, ObjectNode payload) {
        payload.put("actorName", actor.name());
        try (PreparedStatement insert = connection.prepareStatement(SQL)) {
            insert.setString(1, target.appKey());
            insert.setString(2, target.formKey());
            insert.setObject(3, target.record());
            insert.setString(4, kind);
            if (actor.id() == null) {
                insert.setNull(5, Types.OTHER);
            } else {
                insert.setObject(5, actor.id());
            }
            insert.setString(6, payload.toString());
            insert.executeUpdate();
            WRITTEN.get()[0]++;
        } catch (SQLException e) {
            throw new IllegalStateException("A flow effect could not be written", e);
        }
    }
}
