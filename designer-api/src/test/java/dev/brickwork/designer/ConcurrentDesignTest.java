package dev.brickwork.designer;

import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two admins doing the same thing at the same moment: one succeeds, the other gets a 409 with a code saying what
 * happened, and nothing is half-written. Each race is made certain, not left to timing: the test holds what both
 * requests need (an uncommitted row with the same key, or the form's row lock), waits until both are queued behind
 * it, and lets go.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
@TestSecurity(user = "designer", roles = "admin")
class ConcurrentDesignTest {

    private static final String FORM = """
            {"schemaVersion": 1, "key": "deal", "fields": [{"key": "name", "type": "text"}]}""";

    @Test
    void twoAdminsCreatingTheSameAppGetOneAppAndOneAppExists() throws Exception {
        List<ExtractableResponse<Response>> answers = race("INSERT INTO brickwork.apps (id, app_key, label, created_at)"
                + " VALUES (gen_random_uuid(), 'race_app', '\"x\"', now())", () -> Design.createApp("race_app"));

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsExactlyInAnyOrder(201, 409);
        assertThat(answers).filteredOn(a -> a.statusCode() == 409).singleElement()
                .satisfies(a -> assertThat(a.<String>path("code")).isEqualTo("APP_EXISTS"));
        assertThat(Db.count("SELECT count(*) FROM brickwork.apps WHERE app_key = 'race_app'")).isEqualTo(1);
    }

    @Test
    void twoAdminsSavingTheFirstDraftOfAFormGetOneFormAndOneDraftConflict() throws Exception {
        Design.createApp("race_draft").statusCode(201);
        List<ExtractableResponse<Response>> answers = race("INSERT INTO brickwork.forms (id, app_id, form_key)"
                + " SELECT gen_random_uuid(), id, 'deal' FROM brickwork.apps WHERE app_key = 'race_draft'",
                () -> Design.saveDraft("race_draft", "deal", FORM));

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        assertThat(answers).filteredOn(a -> a.statusCode() == 409).singleElement()
                .satisfies(a -> assertThat(a.<String>path("code")).isEqualTo("DRAFT_CONFLICT"));
        assertThat(Db.rows("SELECT f.draft IS NOT NULL FROM brickwork.forms f JOIN brickwork.apps a ON a.id = f.app_id"
                + " WHERE a.app_key = 'race_draft'")).containsExactly(List.of("t"));
    }

    @Test
    void twoAdminsPublishingTheSameFormGetOneVersionAndOnePublishConflict() throws Exception {
        Design.createApp("race_pub").statusCode(201);
        Design.saveDraft("race_pub", "deal", FORM).statusCode(200);
        List<ExtractableResponse<Response>> answers = race("SELECT 1 FROM brickwork.forms WHERE form_key = 'deal'"
                + " AND app_id = (SELECT id FROM brickwork.apps WHERE app_key = 'race_pub') FOR UPDATE",
                () -> Design.publish("race_pub", "deal"));

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        assertThat(answers).filteredOn(a -> a.statusCode() == 409).singleElement()
                .satisfies(a -> assertThat(a.<String>path("code")).isEqualTo("PUBLISH_CONFLICT"));
        assertThat(Db.rows("SELECT v.number, f.current_version FROM brickwork.form_versions v"
                + " JOIN brickwork.forms f ON f.id = v.form_id JOIN brickwork.apps a ON a.id = f.app_id"
                + " WHERE a.app_key = 'race_pub'")).containsExactly(List.of("1", "1"));
        assertThat(Db.count("SELECT count(*) FROM app_race_pub.deal")).isZero();
    }

    /**
     * Runs {@code hold} in a transaction of the test's own, sends {@code request} twice at once, waits until both
     * wait for that transaction, then rolls it back and returns both answers.
     */
    private static List<ExtractableResponse<Response>> race(String hold, Supplier<io.restassured.response.ValidatableResponse> request)
            throws SQLException {
        try (Connection holder = TestDatabase.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement statement = holder.prepareStatement(hold)) {
                statement.execute();
            }
            int waitingBefore = waitingForLocks();
            CompletableFuture<ExtractableResponse<Response>> first = CompletableFuture.supplyAsync(() -> request.get().extract());
            CompletableFuture<ExtractableResponse<Response>> second = CompletableFuture.supplyAsync(() -> request.get().extract());
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForLocks() >= waitingBefore + 2);
            holder.rollback();
            return List.of(first.join(), second.join());
        }
    }

    private static int waitingForLocks() {
        return (int) Db.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'");
    }
}
