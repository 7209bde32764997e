package dev.brickwork.runtime.auth;

import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Uses the configured limits (5 per user name, 20 per address) with a name and address of its own per test. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class LoginThrottlingTest {

    private static ValidatableResponse login(String username, String password, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body("{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}")
                .post("/api/v1/auth/login").then();
    }

    @Test
    void fiveFailuresLockTheUserNameSoEvenTheRightPasswordIsRefused() {
        // given
        String username = People.unique("target");
        People.createUser(username, "right-pass-1", "[]", null);

        // when: five failures, each from a different address
        for (int i = 0; i < 5; i++) {
            login(username, "wrong-pass-" + i, People.uniqueAddress()).statusCode(401);
        }

        // then
        login(username, "right-pass-1", People.uniqueAddress()).statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("TOO_MANY_REQUESTS"))
                .header("Retry-After", notNullValue());
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE action = 'login.throttled'"
                + " AND detail->'names' @> to_jsonb(?::text)", username)).isOne();
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE action = 'login.failed' AND actor_name = ?"
                + " AND actor IS NOT NULL", username)).isEqualTo(5);
    }

    @Test
    void aSuccessfulLoginStartsTheUsersCountAfresh() {
        String username = People.unique("clumsy");
        People.createUser(username, "right-pass-1", "[]", null);
        String address = People.uniqueAddress();

        for (int i = 0; i < 4; i++) {
            login(username, "wrong-pass", address).statusCode(401);
        }
        login(username, "right-pass-1", address).statusCode(200);
        for (int i = 0; i < 4; i++) {
            login(username, "wrong-pass", address).statusCode(401);
        }

        login(username, "right-pass-1", address).statusCode(200);
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressForEveryName() {
        // given
        String address = People.uniqueAddress();
        String username = People.unique("bystander");
        People.createUser(username, "right-pass-1", "[]", null);

        // when: twenty different names tried from one address
        for (int i = 0; i < 20; i++) {
            login(People.unique("guess"), "wrong-pass", address).statusCode(401);
        }

        // then that address is locked out, while the same user from elsewhere still gets in
        login(username, "right-pass-1", address).statusCode(429).header("Retry-After", notNullValue());
        login(username, "right-pass-1", People.uniqueAddress()).statusCode(200);
    }
}
