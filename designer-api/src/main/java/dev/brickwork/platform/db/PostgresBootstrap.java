package dev.brickwork.platform.db;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gets a PostgreSQL ready before Quarkus starts: the configured server, or an embedded one with real binaries
 * when none is configured, and the database created when it is missing. Used by the server's main and by tests.
 */
public final class PostgresBootstrap {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private PostgresBootstrap() {
    }

    /** The server's database from the environment (docs/spec.md §9); starts the embedded one when no host is set. */
    public static DatabaseTarget fromEnvironment(Map<String, String> env) {
        String name = env.getOrDefault("BRICKWORK_DB_NAME", "brickwork");
        String host = env.get("BRICKWORK_DB_HOST");
        if (host == null || host.isBlank()) {
            Path dataDir = Path.of(env.getOrDefault("BRICKWORK_DATA_DIR", "./brickwork-data")).toAbsolutePath();
            return startEmbedded(dataDir.resolve("pg")).target().withDatabase(name);
        }
        int port = Integer.parseInt(env.getOrDefault("BRICKWORK_DB_PORT", "5432"));
        return new DatabaseTarget(host, port, name, env.getOrDefault("BRICKWORK_DB_USER", "postgres"),
                env.getOrDefault("BRICKWORK_DB_PASSWORD", ""));
    }

    /**
     * Starts the server's embedded PostgreSQL, keeping the data already in {@code dataDir}, durable like an
     * installed one (fsync, synchronous commit, full page writes).
     */
    public static EmbeddedDatabase startEmbedded(Path dataDir) {
        return EmbeddedDatabase.start(dataDir, false, EmbeddedDatabase.DURABLE);
    }

    /**
     * Starts a throwaway embedded PostgreSQL for tests in an emptied {@code dataDir}, with zonky's speed settings
     * (no fsync, asynchronous commit): what it holds is recreated by every run.
     */
    public static EmbeddedDatabase startThrowaway(Path dataDir) {
        return EmbeddedDatabase.start(dataDir, true, Map.of());
    }

    /** True when something accepts connections on the address within a short time. */
    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates the target's database when it does not exist yet. */
    public static void ensureDatabase(DatabaseTarget target) {
        requireSafeName(target.database());
        try (Connection c = connect(target.withDatabase("postgres"));
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, target.database());
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("CREATE DATABASE \"" + target.database() + "\" ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the database " + target.database()
                    + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    /** Drops and creates the target's database: each test run starts from nothing. */
    public static void recreateDatabase(DatabaseTarget target) {
        requireSafeName(target.database());
        try (Connection c = connect(target.withDatabase("postgres"))) {
            c.createStatement().execute("DROP DATABASE IF EXISTS \"" + target.database() + "\" WITH (FORCE)");
            c.createStatement().execute("CREATE DATABASE \"" + target.database() + "\" ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recreate the database " + target.database()
                    + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    public static Connection connect(DatabaseTarget target) throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
    }

    /** The Quarkus properties that point the default datasource (reactive and JDBC) at the target. */
    public static Map<String, String> quarkusProperties(DatabaseTarget target) {
        return Map.of(
                "quarkus.datasource.jdbc.url", target.jdbcUrl(),
                "quarkus.datasource.reactive.url", target.reactiveUrl(),
                "quarkus.datasource.username", target.user(),
                "quarkus.datasource.password", target.password());
    }

    private static void requireSafeName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A database name must match " + DATABASE_NAME.pattern());
        }
    }
}
