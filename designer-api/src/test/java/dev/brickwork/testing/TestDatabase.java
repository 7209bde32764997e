package dev.brickwork.testing;

import dev.brickwork.platform.db.DatabaseTarget;
import dev.brickwork.platform.db.PostgresBootstrap;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * The real PostgreSQL for a module's tests: the one on 127.0.0.1:5432 when it answers, else an embedded one.
 * Each module's test run gets a database of its own, dropped and created afresh; each test class works in
 * apps (schemas) of its own, so classes never see each other's data.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String ADMIN_PASSWORD = "test-" + java.util.UUID.randomUUID();
    private static final String ENCRYPTION_KEY = randomKey();
    private static final String PREVIOUS_ENCRYPTION_KEY = randomKey();

    private static DatabaseTarget server;
    private static DatabaseTarget current;

    @Override
    public Map<String, String> start() {
        current = server().withDatabase(databaseName());
        PostgresBootstrap.recreateDatabase(current);
        Map<String, String> properties = new java.util.HashMap<>(PostgresBootstrap.quarkusProperties(current));
        properties.put("brickwork.admin.password", ADMIN_PASSWORD);
        properties.put("brickwork.encryption.key", ENCRYPTION_KEY);
        properties.put("brickwork.encryption.previous-keys", PREVIOUS_ENCRYPTION_KEY);
        return properties;
    }

    @Override
    public void stop() {
        // the database stays for inspection after a failed run; the next run drops it
    }

    /** The bootstrap admin's password for this run (made up per run, never stored). */
    public static String adminPassword() {
        return ADMIN_PASSWORD;
    }

    /** A key the server still reads but no longer writes with: what a value from before a rotation was sealed with. */
    public static String previousEncryptionKey() {
        return PREVIOUS_ENCRYPTION_KEY;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    /** A JDBC connection to the database the running tests use. */
    public static Connection connect() {
        try {
            return PostgresBootstrap.connect(current);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test database", e);
        }
    }

    private static synchronized DatabaseTarget server() {
        if (server == null) {
            server = PostgresBootstrap.answers("127.0.0.1", 5432)
                    ? new DatabaseTarget("127.0.0.1", 5432, "postgres", "postgres", "")
                    : PostgresBootstrap.startThrowaway(tempDir()).target();
        }
        return server;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("brickwork-test-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One database per module and checkout, named after both, so test runs of different modules or of two
     * checkouts on one machine never drop each other's database.
     */
    private static String databaseName() {
        Path here = Path.of("").toAbsolutePath();
        String module = here.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        String checkout = Integer.toHexString(here.toString().hashCode() & 0xFFFFFF);
        return "brickwork_test_" + module + "_" + checkout;
    }
}
