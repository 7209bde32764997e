package dev.brickwork.runtime.records;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * {@code count=true} is exact up to {@code brickwork.lists.exact-count-limit} matches and the planner's estimate past
 * them, marked {@code totalEstimated} and never below the limit + 1 (decision 0028). The limit is 5 here, so twelve
 * records are past it; a profile of its own restarts Quarkus with it (and a fresh database).
 */
@QuarkusTest
@TestProfile(ListTotalsTest.LowLimit.class)
@WithTestResource(TestDatabase.class)
class ListTotalsTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("brickwork.lists.exact-count-limit", "5");
        }
    }

    private static final String RECORDS = "/api/v1/apps/list_totals/forms/lead/records";
    private static boolean seeded;

    @BeforeEach
    void seed() {
        AsAdmin.signIn();
        if (seeded) {
            return;
        }
        Design.createApp("list_totals").statusCode(201);
        Design.publishDefinition("list_totals", "lead", """
                {"schemaVersion": 1, "key": "lead", "titleField": "name", "fields": [
                  {"key": "name", "type": "text", "required": true},
                  {"key": "stage", "type": "select", "index": true, "options": [
                    {"value": "new", "label": "New"}, {"value": "won", "label": "Won"}]}]}""");
        for (int i = 1; i <= 12; i++) {
            given().body("{\"fields\": {\"name\": \"Lead " + i + "\", \"stage\": \"" + (i % 4 == 0 ? "won" : "new") + "\"}}")
                    .post(RECORDS).then().statusCode(201);
        }
        seeded = true;
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void countsExactlyUpToTheLimit() {
        given().queryParam("filter", "{\"field\": \"stage\", \"op\": \"eq\", \"value\": \"won\"}").queryParam("count", true)
                .get(RECORDS).then().statusCode(200)
                .body("total", equalTo(3))
                .body("totalEstimated", equalTo(false));
        given().queryParam("q", "Lead 1").queryParam("count", true).get(RECORDS).then().statusCode(200)
                .body("total", equalTo(4))
                .body("totalEstimated", equalTo(false));
    }

    @Test
    void estimatesPastTheLimitAndNeverBelowIt() {
        given().queryParam("count", true).queryParam("limit", 2).get(RECORDS).then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("total", greaterThanOrEqualTo(6))
                .body("totalEstimated", equalTo(true));
        given().contentType("application/json").body("{\"filter\": {\"field\": \"stage\", \"op\": \"eq\", \"value\": \"new\"},"
                        + " \"count\": true}")
                .post(RECORDS + "/query").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(6))
                .body("totalEstimated", equalTo(true));
    }

    @Test
    void saysNothingOfATotalWithoutCount() {
        given().get(RECORDS).then().statusCode(200)
                .body("$", not(hasKey("total")))
                .body("$", not(hasKey("totalEstimated")));
    }
}
