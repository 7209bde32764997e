package dev.brickwork.runtime.admin;

import dev.brickwork.runtime.auth.Tokens;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static dev.brickwork.runtime.admin.People.as;
import static dev.brickwork.runtime.admin.People.asAdmin;
import static dev.brickwork.runtime.admin.People.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;


@QuarkusTest
@WithTestResource(TestDatabase.class)
class ApiTokensApiTest {

    private static String inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static JsonPath create(String name, String role) {
        return asAdmin().body("{\"name\": \"" + name + "\", \"roles\": [\"" + role + "\"], \"expiresAt\": \"" + inDays(30) + "\"}")
                .post("/api/v1/admin/tokens").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aNewTokenShowsItsSecretOnceAndAuthenticatesWithItsRoles() {
        // given
        String role = People.defineRole(unique("sync"));
        String name = unique("erp");

        // when
        JsonPath created = create(name, role);
        String secret = created.getString("secret");
        String id = created.getString("id");

        // then
        assertThat(secret).startsWith("bwt_");
        assertThat(created.getList("roles")).containsExactly(role);
        assertThat(Db.count("SELECT count(*) FROM brickwork.api_tokens WHERE secret_hash = ?", Tokens.hash(secret))).isOne();
        as(secret).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(id)).body("tokenId", equalTo(id)).body("username", equalTo(name))
                .body("roles", containsInAnyOrder("user", role)).body("department", equalTo(null));
        assertThat(Db.single("SELECT last_used_at IS NOT NULL FROM brickwork.api_tokens WHERE id = ?", UUID.fromString(id)))
                .isEqualTo("t");
        asAdmin().get("/api/v1/admin/tokens").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.lastUsedAt", notNullValue())
                .body("items.find { it.id == '" + id + "' }", not(hasKey("secret")))
                .body(not(org.hamcrest.Matchers.containsString(secret)));
        String detail = Db.single("SELECT detail::text FROM brickwork.audit_log WHERE action = 'token.created' AND record_id = ?",
                UUID.fromString(id));
        assertThat(detail).contains(name).doesNotContain(secret).doesNotContain(Tokens.hash(secret));
    }

    @Test
    void aTokenIsNoAdministrator() {
        String secret = create(unique("bot"), People.defineRole(unique("bot_role"))).getString("secret");

        as(secret).get("/api/v1/admin/users").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void aRevokedTokenIsRefusedButStaysListed() {
        JsonPath created = create(unique("old"), People.defineRole(unique("old_role")));
        String id = created.getString("id");

        asAdmin().delete("/api/v1/admin/tokens/" + id).then().statusCode(204);
        asAdmin().delete("/api/v1/admin/tokens/" + id).then().statusCode(204);

        as(created.getString("secret")).get("/api/v1/me").then().statusCode(401);
        asAdmin().get("/api/v1/admin/tokens").then().body("items.find { it.id == '" + id + "' }.revokedAt", notNullValue());
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE action = 'token.revoked' AND record_id = ?",
                UUID.fromString(id))).isOne();
    }

    @Test
    void anExpiredOrTamperedTokenIsRefused() {
        JsonPath created = create(unique("short"), People.defineRole(unique("short_role")));
        String secret = created.getString("secret");
        String tampered = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");

        as(tampered).get("/api/v1/me").then().statusCode(401);
        Db.execute("UPDATE brickwork.api_tokens SET expires_at = now() - interval '1 second' WHERE id = ?::uuid", created.getString("id"));
        as(secret).get("/api/v1/me").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void refusesAnExpiryInThePastOrBeyondTwoYearsAndUnknownRoles() {
        long before = Db.count("SELECT count(*) FROM brickwork.api_tokens");

        asAdmin().body("{\"name\": \"x\", \"roles\": [], \"expiresAt\": \"" + inDays(-1) + "\"}").post("/api/v1/admin/tokens")
                .then().statusCode(422).body("errors.pointer", equalTo(List.of("/expiresAt")))
                .body("errors[0].code", equalTo("EXPIRES_IN_PAST"));
        asAdmin().body("{\"name\": \"x\", \"roles\": [], \"expiresAt\": \"" + inDays(2 * 366 + 1) + "\"}").post("/api/v1/admin/tokens")
                .then().statusCode(422).body("errors.pointer", equalTo(List.of("/expiresAt")));
        asAdmin().body("{\"name\": \"x\", \"roles\": [], \"expiresAt\": \"next tuesday\"}").post("/api/v1/admin/tokens")
                .then().statusCode(422).body("errors.pointer", equalTo(List.of("/expiresAt")));
        asAdmin().body("{\"name\": \"x\", \"roles\": [\"admin\"], \"expiresAt\": \"" + inDays(1) + "\"}").post("/api/v1/admin/tokens")
                .then().statusCode(422).body("errors.pointer", equalTo(List.of("/roles/0")));
        asAdmin().body("{\"name\": ").post("/api/v1/admin/tokens").then().statusCode(400);

        assertThat(Db.count("SELECT count(*) FROM brickwork.api_tokens")).isEqualTo(before);
    }

    @Test
    void revokingAnUnknownTokenIsNotFound() {
        asAdmin().delete("/api/v1/admin/tokens/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("TOKEN_NOT_FOUND"));
    }

    @Test
    void aSessionTokenPrefixDoesNotReachTheApiTokenTable() {
        // a bwt_ secret that was never issued and a bw_ value that is an API token's secret are both strangers
        String secret = create(unique("cross"), People.defineRole(unique("cross_role"))).getString("secret");

        as("bwt_" + UUID.randomUUID()).get("/api/v1/me").then().statusCode(401);
        as(secret.replaceFirst("bwt_", "bw_")).get("/api/v1/me").then().statusCode(401);
    }
}
