package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.bpmn.RuntimeContract;
import dev.brickwork.workflow.engine.OpenTask;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Open tasks read with one plain query on the engine's tables, each with its flow's business key. The engine's
 * {@code TaskQuery} renders its SQL through MyBatis' dynamic SQL on every call, which costs several times the CPU of
 * running it, and needs a second query for the business keys; task look-ups run on every inbox and for a
 * record's flow. Inside a command it reads what is committed (or flushed) on the command's connection, not tasks the
 * running command created; outside one (the inbox) it reads on its own auto-commit connection, with no command and
 * no transaction around a single query.
 */
final class TaskRows {

    /** What a task is looked up by; the column names are the engine's, never input. */
    enum By {
        ASSIGNEE("t.ASSIGNEE_"), BUSINESS_KEY("e.BUSINESS_KEY_"), PROCESS_INSTANCE("t.PROC_INST_ID_");

        private final String column;

        By(String column) {
            this.column = column;
        }
    }

    private TaskRows() {
    }

    /** The open tasks matching, oldest first. */
    static List<OpenTask> where(CommandContext context, By by, String value) {
        return where(context, by, value, Integer.MAX_VALUE);
    }

    /** The first {@code limit} open tasks matching, oldest first. */
    static List<OpenTask> where(CommandContext context, By by, String value, int limit) {
        return where(context.getDbSqlSession().getSqlSession().getConnection(),
                context.getProcessEngineConfiguration().getDatabaseTablePrefix(), by, value, limit);
    }

    /** The same on a connection of the engine's datasource, outside any command. */
    static List<OpenTask> where(DataSource dataSource, String prefix, By by, String value, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return where(connection, prefix, by, value, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the engine's open tasks failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static List<OpenTask> where(Connection connection, String prefix, By by, String value, int limit) {
        // the due date of the node's timeout: its boundary timer's job (RuntimeContract.timerOf names the timer)
        String due = "(SELECT min(j.DUEDATE_) FROM " + prefix + "ACT_RU_JOB j JOIN " + prefix + "ACT_RU_JOBDEF d"
                + " ON d.ID_ = j.JOB_DEF_ID_ WHERE j.PROCESS_INSTANCE_ID_ = t.PROC_INST_ID_ AND j.TYPE_ = 'timer'"
                + " AND d.ACT_ID_ = t.TASK_DEF_KEY_ || '" + RuntimeContract.TIMER_SUFFIX + "')";
        String sql = "SELECT t.ID_, t.PROC_INST_ID_, t.PROC_DEF_ID_, e.BUSINESS_KEY_, t.TASK_DEF_KEY_, t.ASSIGNEE_,"
                + " t.CREATE_TIME_, " + due + " FROM " + prefix + "ACT_RU_TASK t JOIN " + prefix + "ACT_RU_EXECUTION e"
                + " ON e.ID_ = t.PROC_INST_ID_ WHERE " + by.column + " = ? ORDER BY t.CREATE_TIME_, t.ID_ LIMIT ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            query.setInt(2, limit);
            List<OpenTask> tasks = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tasks.add(new OpenTask(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), instant(rows.getTimestamp(7)),
                            instant(rows.getTimestamp(8))));
                }
            }
            return tasks;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the engine's open tasks failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
