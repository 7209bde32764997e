package dev.brickwork.runtime;

import dev.brickwork.runtime.auth.Passwords;
import dev.brickwork.runtime.auth.Tokens;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class AuthTest {

    @Test
    void theBootstrapAdminLogsInAndGetsAnExpiringToken() {
        given().contentType(ContentType.JSON)
                .body("{\"username\": \"admin\", \"password\": \"" + TestDatabase.adminPassword() + "\"}")
                .post("/api/v1/auth/login").then().statusCode(200)
                .body("token", startsWith("bw_")).body("expiresAt", notNullValue());

        given().header("Authorization", Login.bearer(Login.admin())).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("admin")).body("roles", hasItem("admin")).body("id", notNullValue());
    }

    @Test
    void storesTokensOnlyAsHashes() {
        String token = Login.admin();

        assertThat(Db.count("SELECT count(*) FROM brickwork.sessions WHERE token_hash = ?", token)).isZero();
        assertThat(Db.count("SELECT count(*) FROM brickwork.sessions WHERE token_hash = ?", Tokens.hash(token))).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "nobody"})
    void refusesAWrongPasswordOrUnknownUserAlikeWithoutEchoingThem(String username) {
        given().contentType(ContentType.JSON).body("{\"username\": \"" + username + "\", \"password\": \"wrong-guess-42\"}")
                .post("/api/v1/auth/login").then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("CREDENTIALS_INVALID"))
                .body(not(containsString("wrong-guess-42")));
    }

    @Test
    void refusesALoginWithoutCredentialsOrWithMalformedJson() {
        given().contentType(ContentType.JSON).body("{\"username\": \"admin\"}").post("/api/v1/auth/login").then()
                .statusCode(422).body("errors[0].pointer", equalTo("/password"));
        given().contentType(ContentType.JSON).body("{\"username\": ").post("/api/v1/auth/login").then()
                .statusCode(400).body("code", equalTo("BODY_MALFORMED"));
    }

    @Test
    void everyApiCallButLoginNeedsAToken() {
        given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        given().get("/api/v1/design/apps").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().contentType(ContentType.JSON).body("{\"key\": \"nope\", \"label\": \"x\"}")
                .post("/api/v1/design/apps").then().statusCode(401);
        given().header("Authorization", "Bearer bw_forged").get("/api/v1/design/apps").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        assertThat(Db.count("SELECT count(*) FROM brickwork.apps WHERE app_key = 'nope'")).isZero();
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = Login.admin();
        Db.execute("UPDATE brickwork.sessions SET expires_at = now() - interval '1 second' WHERE token_hash = ?", Tokens.hash(token));

        given().header("Authorization", Login.bearer(token)).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void loggingOutEndsThatSessionAtOnceAndOnlyThatOne() {
        String token = Login.admin();
        String other = Login.admin();
        given().header("Authorization", Login.bearer(token)).get("/api/v1/me").then().statusCode(200);

        given().header("Authorization", Login.bearer(token)).post("/api/v1/auth/logout").then().statusCode(204);

        given().header("Authorization", Login.bearer(token)).get("/api/v1/me").then().statusCode(401);
        given().header("Authorization", Login.bearer(other)).get("/api/v1/me").then().statusCode(200);
        assertThat(Db.count("SELECT count(*) FROM brickwork.sessions WHERE token_hash = ?", Tokens.hash(token))).isZero();
        given().post("/api/v1/auth/logout").then().statusCode(401);
    }

    @Test
    void aDisabledUserCannotLogInAndTheirTokensStopWorking() {
        String username = "clerk_" + UUID.randomUUID().toString().substring(0, 8);
        Db.execute("INSERT INTO brickwork.users (id, username, password_hash, display_name) VALUES (?, ?, ?, 'Clerk')",
                UUID.randomUUID(), username, Passwords.hash("clerk-pass-1"));
        String token = Login.token(username, "clerk-pass-1");

        Db.execute("UPDATE brickwork.users SET disabled = true WHERE username = ?", username);

        given().header("Authorization", Login.bearer(token)).get("/api/v1/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"username\": \"" + username + "\", \"password\": \"clerk-pass-1\"}")
                .post("/api/v1/auth/login").then().statusCode(401);
    }

    @Test
    void designingNeedsTheAdminRole() {
        String username = "staff_" + UUID.randomUUID().toString().substring(0, 8);
        Db.execute("INSERT INTO brickwork.users (id, username, password_hash, display_name) VALUES (?, ?, ?, 'Staff')",
                UUID.randomUUID(), username, Passwords.hash("staff-pass-1"));
        String token = Login.token(username, "staff-pass-1");

        given().header("Authorization", Login.bearer(token)).get("/api/v1/design/apps").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().header("Authorization", Login.bearer(token)).get("/api/v1/me").then().statusCode(200)
                .body("roles", not(hasItem("admin")));
    }

    @Test
    void answersReadyOnceItCanServe() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
