package dev.brickwork.runtime;

import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** What the server says about itself: health and the API's description are public, metrics are not. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class MetricsAccessTest {

    @Test
    void metricsNeedAToken() {
        given().get("/q/metrics").then().statusCode(401);
    }

    @Test
    void anAdministratorReadsMetrics() {
        People.asAdmin().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void anApiTokenWithTheMetricsRoleReadsMetricsAndNothingElse() {
        String secret = token("metrics");

        People.as(secret).get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        People.as(secret).get("/api/v1/admin/users").then().statusCode(403);
        People.as(secret).get("/api/v1/apps/crm/forms/customer/records").then().statusCode(not(200));
    }

    @Test
    void aTokenWithoutTheMetricsRoleIsRefused() {
        String secret = token(People.defineRole("metrics_less"));

        People.as(secret).get("/q/metrics").then().statusCode(403);
    }

    @Test
    void metricsCannotBeDefinedAsAnOrdinaryRole() {
        People.asAdmin().body("{\"key\": \"metrics\", \"permissions\": []}").put("/api/v1/admin/roles/metrics").then()
                .statusCode(422).body("errors.code", hasItem("KEY_RESERVED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health/live", "/q/openapi"})
    void healthAndTheApiDescriptionArePublic(String path) {
        given().get(path).then().statusCode(200);
    }

    @Test
    void readinessIsPublic() {
        given().get("/q/health/ready").then().statusCode(not(401)).body("status", not(equalTo(null)));
    }

    private static String token(String role) {
        String expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        return People.asAdmin().body("{\"name\": \"prometheus-" + role + "\", \"roles\": [\"" + role + "\"], \"expiresAt\": \""
                + expires + "\"}").post("/api/v1/admin/tokens").then().statusCode(201).extract().path("secret");
    }
}
