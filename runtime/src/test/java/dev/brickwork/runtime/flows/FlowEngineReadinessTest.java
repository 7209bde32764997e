package dev.brickwork.runtime.flows;

import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/** {@code /q/health/ready} answers ready only once the BPMN engine runs. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class FlowEngineReadinessTest {

    @Test
    void anEngineStillStartingIsNotReady() {
        FlowEngineReadiness readiness = new FlowEngineReadiness();
        readiness.engines = new FlowEngines();

        HealthCheckResponse response = readiness.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("state", "starting"));
    }

    @Test
    void theServerIsReadyOnceTheEngineRuns() {
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(FlowEngineReadiness.NAME))
                .body("checks.find { it.name == 'BPMN engine' }.data.state", org.hamcrest.Matchers.equalTo("running")));
    }
}
