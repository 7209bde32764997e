package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.FlowEngineException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** The PostgreSQL schema holding the engine's tables: a safe name, created when missing. */
final class EngineSchema {

    /** Lower case so PostgreSQL's folding never changes it; it is quoted in SQL all the same. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private EngineSchema() {
    }

    static String checked(String schema) {
        if (schema == null || !NAME.matcher(schema).matches() || "public".equals(schema) || schema.startsWith("pg_")) {
            throw new FlowEngineException(FlowEngineException.Code.SCHEMA_INVALID,
                    "The engine schema must match [a-z_][a-z0-9_]{0,62} and be neither public nor pg_*", null);
        }
        return schema;
    }

    static void create(DataSource dataSource, String schema) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS \"" + checked(schema) + "\"");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new FlowEngineException(FlowEngineException.Code.SCHEMA_INVALID,
                    "The engine schema could not be created (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
