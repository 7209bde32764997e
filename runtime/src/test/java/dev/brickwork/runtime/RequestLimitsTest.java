package dev.brickwork.runtime;

import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** An over-long URL or over-large headers are answered with a problem on every path, not a bare status. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class RequestLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/apps/none/forms/none/records", "/api/v1/me", "/q/health/live", "/nowhere"})
    void aUrlPastTheLimitIsAProblem(String path) {
        given().queryParam("filter", "x".repeat(9000)).get(path).then().statusCode(414)
                .contentType("application/problem+json").body("code", equalTo("URI_TOO_LONG")).body("status", equalTo(414));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/me", "/q/health/live"})
    void headersPastTheLimitAreAProblem(String path) {
        given().header("X-Padding", "x".repeat(21 * 1024)).get(path).then().statusCode(431)
                .contentType("application/problem+json").body("code", equalTo("HEADERS_TOO_LARGE")).body("status", equalTo(431));
    }

    @ParameterizedTest
    @ValueSource(ints = {4097, 8000})
    void aUrlUnderTheLimitIsServedEvenPastVertxDefaultLineLength(int length) {
        given().queryParam("pad", "x".repeat(length)).get("/q/health/live").then().statusCode(200);
        given().header("X-Padding", "x".repeat(length)).get("/q/health/live").then().statusCode(not(431));
    }
}
