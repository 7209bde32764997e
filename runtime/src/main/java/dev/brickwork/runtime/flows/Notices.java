package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.flow.PublishedFlow;
import dev.brickwork.platform.Ids;
import dev.brickwork.workflow.engine.OpenTask;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A flow step's notifications ({@code kind}, {@code message}, {@code users}, {@code flow}, {@code step}, {@code task}).
 * A message that names no record field (a new task, a reminder, a transfer) is written here on the engine's
 * connection, in the step's transaction; one that does goes through {@link FlowEffects}, which reads the record
 * without its sensitive fields to fill it in.
 */
final class Notices {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    static final String INSERT = "INSERT INTO brickwork.notifications"
            + " (id, user_id, kind, message, app_key, form_key, record_id, task_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    private static final String INSERT_JDBC = INSERT.replaceAll("\\$\\d+", "?");

    private Notices() {
    }

    /** A notice of {@code flow} for {@code users}; with the task it is about (its id and step), or null. */
    static ObjectNode of(PublishedFlow flow, String kind, List<String> users, String message, OpenTask task) {
        ObjectNode notice = JsonNodeFactory.instance.objectNode();
        notice.put("flow", flow.flowKey());
        notice.put("kind", kind);
        notice.put("message", message);
        users.forEach(notice.putArray("users")::add);
        if (task != null) {
            notice.put("task", task.id());
            notice.put("step", task.node());
        }
        return notice;
    }

    /** Whether the message names a record field (anything but {@code {flow}} and {@code {step}}). */
    static boolean needsRecord(ObjectNode notice) {
        Matcher matcher = PLACEHOLDER.matcher(notice.path("message").asText(""));
        while (matcher.find()) {
            if (!"flow".equals(matcher.group(1)) && !"step".equals(matcher.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** Writes one notification per user in the engine's transaction (JDBC); for messages that need no record. */
    static void writeOn(Connection connection, EffectRows.Target target, ObjectNode notice) {
        String message = message(notice, null);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_JDBC)) {
            for (JsonNode user : notice.path("users")) {
                insert.setObject(1, Ids.newId());
                insert.setObject(2, java.util.UUID.fromString(user.asText()));
                insert.setString(3, notice.path("kind").asText("message"));
                insert.setString(4, message);
                insert.setString(5, target.appKey());
                insert.setString(6, target.formKey());
                insert.setObject(7, target.record());
                insert.setString(8, notice.path("task").asText(null));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("A flow notification could not be written", e);
        }
    }

    /** {@code {field}} from the record, {@code {flow}} and {@code {step}} from the notice; unknown ones stay as written. */
    static String message(ObjectNode notice, ObjectNode record) {
        Matcher matcher = PLACEHOLDER.matcher(notice.path("message").asText(""));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            JsonNode value = null;
            if ("flow".equals(name)) {
                value = notice.path("detail").path("flow");
                if (value.isMissingNode()) {
                    value = notice.path("flow");
                }
            } else if ("step".equals(name)) {
                value = notice.path("step");
            } else if (record != null) {
                value = record.path("fields").path(name);
            }
            String text = value == null || value.isMissingNode() || value.isNull() ? matcher.group(0)
                    : value.isTextual() ? value.asText() : value.toString();
            matcher.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
