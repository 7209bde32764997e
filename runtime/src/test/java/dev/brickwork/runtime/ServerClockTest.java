package dev.brickwork.runtime;

import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** "Today" in a formula and an autonumber's year come from the server's one clock and zone, here the fixed one. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ServerClockTest {

    @BeforeEach
    void signIn() {
        AsAdmin.signIn();
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void formulasAndAutonumbersReadTheInjectedClock() {
        Design.createApp("clock_app").statusCode(201);
        Design.publishDefinition("clock_app", "ticket", """
                {"schemaVersion": 1, "key": "ticket", "titleField": "title", "fields": [
                  {"key": "title", "type": "text"},
                  {"key": "opened", "type": "formula", "expression": "TODAY()"},
                  {"key": "code", "type": "autonumber", "pattern": "T-{yyyy}-{seq:4}"}]}""");

        given().body("{\"fields\": {\"title\": \"Printer\"}}").post("/api/v1/apps/clock_app/forms/ticket/records").then()
                .statusCode(201)
                .body("fields.opened", equalTo(FixedClock.NOW.atZone(ZoneId.systemDefault()).toLocalDate().toString()))
                .body("fields.code", startsWith("T-" + FixedClock.year() + "-"));
    }
}
