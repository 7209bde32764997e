package dev.brickwork.runtime.input;

import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.brickwork.runtime.input.BadInputWorld.APP;
import static dev.brickwork.runtime.input.BadInputWorld.RECORDS;
import static dev.brickwork.runtime.input.BadInputWorld.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** An Idempotency-Key names one create on one form; its replay is the first answer, meta and headers included. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class IdempotencyScopeTest {

    private static final String OTHER = "/api/v1/apps/" + APP + "/forms/other_thing/records";
    private static boolean published;

    @BeforeEach
    void publishTwoForms() {
        BadInputWorld.record();
        if (!published) {
            RestAssured.requestSpecification = admin();
            try {
                Design.publishDefinition(APP, "other_thing", """
                        {"schemaVersion": 1, "key": "other_thing", "label": "Other", "titleField": "name",
                         "fields": [{"key": "name", "type": "text"}],
                         "rules": [{"type": "duplicate", "key": "same_name", "fields": ["name"], "action": "warn"}]}
                        """);
            } finally {
                RestAssured.requestSpecification = null;
            }
            published = true;
        }
    }

    @Test
    void theSameKeyOnAnotherFormIsRefusedAndCreatesNothing() {
        admin().header("Idempotency-Key", "scope-1").body("{\"fields\": {\"name\": \"on thing\"}}").post(RECORDS)
                .then().statusCode(201);
        long before = BadInputWorld.footprint() + Db.count("SELECT count(*) FROM app_bad_input.other_thing");

        try (LogCapture log = LogCapture.open()) {
            admin().header("Idempotency-Key", "scope-1").body("{\"fields\": {\"name\": \"on other\"}}").post(OTHER)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("code", equalTo("IDEMPOTENCY_KEY_REUSED")).body("errors[0].code", equalTo("IDEMPOTENCY_KEY_REUSED"));
            assertThat(log.tracesAndErrors()).isEmpty();
        }
        assertThat(BadInputWorld.footprint() + Db.count("SELECT count(*) FROM app_bad_input.other_thing")).isEqualTo(before);
    }

    @Test
    void aReplayAnswersTheFirstAnswerExactly() {
        admin().body("{\"fields\": {\"name\": \"Twice Ltd\"}}").post(OTHER).then().statusCode(201);

        Response first = admin().header("Idempotency-Key", "replay-1").body("{\"fields\": {\"name\": \"Twice Ltd\"}}").post(OTHER);
        Response again = admin().header("Idempotency-Key", "replay-1").body("{\"fields\": {\"name\": \"Twice Ltd\"}}").post(OTHER);

        first.then().statusCode(201).body("meta.duplicates[0].rule", equalTo("same_name"));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(Db.count("SELECT count(*) FROM app_bad_input.other_thing WHERE name = 'Twice Ltd'")).isEqualTo(2);
    }
}
