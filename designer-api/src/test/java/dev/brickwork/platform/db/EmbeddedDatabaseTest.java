package dev.brickwork.platform.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL the server starts without {@code BRICKWORK_DB_HOST} keeps what it was given. (The
 * tests' own fallback, {@code startThrowaway}, keeps zonky's speed settings: its data is thrown away anyway.)
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void theServersEmbeddedDatabaseSyncsEveryCommitToDisk() throws SQLException {
        try (EmbeddedDatabase database = PostgresBootstrap.startEmbedded(dataDir);
             Connection c = PostgresBootstrap.connect(database.target())) {
            assertThat(setting(c, "fsync")).isEqualTo("on");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(c, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void theServersEmbeddedDatabaseKeepsItsDataAcrossAStop() throws SQLException {
        try (EmbeddedDatabase database = PostgresBootstrap.startEmbedded(dataDir);
             Connection c = PostgresBootstrap.connect(database.target());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (note text)");
            s.execute("INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedDatabase database = PostgresBootstrap.startEmbedded(dataDir);
             Connection c = PostgresBootstrap.connect(database.target());
             ResultSet rows = c.createStatement().executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (ResultSet rows = c.createStatement().executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
