package dev.brickwork.runtime.audit;

import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log cannot be flooded, keeps rows for the configured retention, and its own purge is audited. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class AuditLogHygieneTest {

    @Inject
    AuditRetention retention;

    private static ValidatableResponse login(String username, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body("{\"username\": \"" + username + "\", \"password\": \"wrong-password\"}").post("/api/v1/auth/login").then();
    }

    @Test
    void anUnauthenticatedFloodOfFailedLoginsIsTalliedNotARowPerAttempt() {
        // given
        String address = People.uniqueAddress();

        // when: sixty made-up names from one address; after twenty the address is throttled
        for (int i = 0; i < 60; i++) {
            login(People.unique("flood"), address).statusCode(i < 20 ? 401 : 429);
        }

        // then: one tally of the failures and one of the throttled attempts (two each if the flood straddled the
        // end of a window), counting every attempt
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE address = ?", address)).isBetween(2L, 4L);
        List<List<String>> tallies = Db.rows("SELECT action, sum((detail->>'attempts')::int)::text, bool_and(actor_name IS NULL)::text"
                + " FROM brickwork.audit_log WHERE address = ? GROUP BY action ORDER BY action", address);
        assertThat(tallies).containsExactly(List.of("login.failed", "20", "true"), List.of("login.throttled", "40", "true"));
        assertThat(Db.count("SELECT max(jsonb_array_length(detail->'names')) FROM brickwork.audit_log WHERE address = ?", address))
                .as("names listed, at most twenty").isBetween(1L, 20L);
    }

    @Test
    void failedLoginsFromOneIpv6NetworkAreOneTallyWhateverTheAddress() {
        // given: one /64 of its own
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String network = "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000));

        // when: ten addresses of it, each failing once
        for (int i = 1; i <= 10; i++) {
            login(People.unique("v6"), network + ":0:0:0:" + Integer.toHexString(i)).statusCode(401);
        }

        // then
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE address LIKE ?", network + ":%")).isBetween(1L, 2L);
        assertThat(Db.count("SELECT sum((detail->>'attempts')::int) FROM brickwork.audit_log WHERE action = 'login.failed'"
                + " AND address LIKE ?", network + ":%")).isEqualTo(10);
    }

    @Test
    void failedLoginsOfAKnownUserAreTalliedPerUserAndAddress() {
        // given
        String username = People.unique("known");
        People.createUser(username, "right-pass-1", "[]", null);
        String address = People.uniqueAddress();

        // when
        for (int i = 0; i < 3; i++) {
            login(username, address).statusCode(401);
        }

        // then
        assertThat(Db.rows("SELECT sum((detail->>'attempts')::int)::text, (count(*) <= 2)::text, bool_and(actor IS NOT NULL)::text"
                + " FROM brickwork.audit_log WHERE action = 'login.failed' AND actor_name = ?", username))
                .containsExactly(List.of("3", "true", "true"));
    }

    @Test
    void thePurgeDeletesRowsOlderThanTheRetentionAndAuditsItself() {
        // given: a row from before the retention (ten years by default) and a recent one
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        Db.execute("INSERT INTO brickwork.audit_log (id, at, action) VALUES (?, now() - interval '4000 days', 'test.old')", old);
        Db.execute("INSERT INTO brickwork.audit_log (id, action) VALUES (?, 'test.recent')", recent);

        // when
        long deleted = retention.purge().await().atMost(Duration.ofSeconds(30));

        // then
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE id = ?", old)).isZero();
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE id = ?", recent)).isOne();
        assertThat(Db.single("SELECT detail->>'deleted' FROM brickwork.audit_log WHERE action = 'audit.purged'"
                + " ORDER BY at DESC LIMIT 1")).isEqualTo(Long.toString(deleted));
    }

    @Test
    void aRowYoungerThanTheDeclaredCutOffCannotBeDeletedNorAnyRowsDetailChanged() throws Exception {
        UUID recent = UUID.randomUUID();
        Db.execute("INSERT INTO brickwork.audit_log (id, action, record_id) VALUES (?, 'test.kept', ?)", recent, recent);

        try (Connection c = TestDatabase.connect(); Statement statement = c.createStatement()) {
            c.setAutoCommit(false);
            statement.execute("SELECT set_config('brickwork.audit_purge_before', (now() - interval '1 day')::text, true)");
            assertThatThrownBy(() -> statement.execute("DELETE FROM brickwork.audit_log WHERE id = '" + recent + "'"))
                    .hasMessageContaining("append-only");
            c.rollback();
            statement.execute("SELECT set_config('brickwork.audit_redact_record', '" + UUID.randomUUID() + "', true)");
            assertThatThrownBy(() -> statement.execute("UPDATE brickwork.audit_log SET detail = '{}' WHERE id = '" + recent + "'"))
                    .hasMessageContaining("append-only");
            c.rollback();
        }
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE id = ?", recent)).isOne();
    }
}
