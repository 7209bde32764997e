package dev.brickwork.runtime.admin;

import dev.brickwork.forms.expr.DateRange;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A read of the audit log, newest first. {@code user} is the actor; {@code record} the thing acted on (a record,
 * or for admin entries the user, department or token); {@code from} is inclusive, {@code to} exclusive.
 */
record AuditQuery(UUID user, String app, String form, UUID record, String action, Instant from, Instant to, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** One entry as the API shows it; {@code detail} is the stored JSON, passed through as it is. */
    @Schema(name = "AuditEntry")
    public record Entry(UUID id, Instant at, UUID actor, String actorName, String action, String app, String form,
                        UUID record, String address,
                        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "What the action changed") String detail) {
    }

    static AuditQuery parse(String user, String app, String form, String record, String action, String from, String to,
                            String limit) {
        List<ProblemError> errors = new ArrayList<>();
        AuditQuery query = new AuditQuery(id("user", user, errors), app, form, id("record", record, errors), action,
                time("from", from, errors), time("to", to, errors), limit(limit, errors));
        if (!errors.isEmpty()) {
            throw new ProblemException(AdminProblem.AUDIT_QUERY_INVALID, "The query has problems; see errors.", errors);
        }
        return query;
    }

    List<Entry> run(Connection c) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, actor_name, action, app_key, form_key, record_id, address,"
                + " detail::text FROM brickwork.audit_log WHERE true");
        List<Object> values = new ArrayList<>();
        condition(sql, values, " AND actor = ?", user);
        condition(sql, values, " AND app_key = ?", app);
        condition(sql, values, " AND form_key = ?", form);
        condition(sql, values, " AND record_id = ?", record);
        condition(sql, values, " AND action = ?", action);
        condition(sql, values, " AND at >= ?", from == null ? null : Timestamp.from(from));
        condition(sql, values, " AND at < ?", to == null ? null : Timestamp.from(to));
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        values.add(limit);
        try (PreparedStatement query = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant(),
                            rows.getObject(3, UUID.class), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getObject(8, UUID.class), rows.getString(9), rows.getString(10)));
                }
            }
            return entries;
        }
    }

    private static void condition(StringBuilder sql, List<Object> values, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            values.add(value);
        }
    }

    private static UUID id(String name, String text, List<ProblemError> errors) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        UUID id = Params.uuid(text);
        if (id == null) {
            errors.add(ProblemError.of("/" + name, "PARAMETER_NOT_ID", name + " must be an id (UUID)."));
        }
        return id;
    }

    private static Instant time(String name, String text, List<ProblemError> errors) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Optional<Instant> time = DateRange.instant(text);
        if (time.isPresent()) {
            return time.get();
        }
        errors.add(ProblemError.of("/" + name, "PARAMETER_NOT_DATE_TIME",
                name + " must be an ISO-8601 date-time with an offset, in the years 1 to 9999."));
        return null;
    }

    private static int limit(String text, List<ProblemError> errors) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(ProblemError.of("/limit", "LIMIT_INVALID", "limit is a whole number from 1 to " + MAX_LIMIT + "."));
        return DEFAULT_LIMIT;
    }
}
