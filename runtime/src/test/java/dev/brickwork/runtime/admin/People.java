package dev.brickwork.runtime.admin;

import dev.brickwork.runtime.Login;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Test helpers for the admin API: callers, unique names, and users, roles and departments made through the API. */
public final class People {

    private static String adminToken;

    private People() {
    }

    /** A request as the bootstrap admin (one login per test run: the token stays valid for hours). */
    public static synchronized RequestSpecification asAdmin() {
        if (adminToken == null) {
            adminToken = Login.admin();
        }
        return as(adminToken);
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", Login.bearer(token)).contentType(ContentType.JSON);
    }

    /** A name no other test uses, so test classes never see each other's data. */
    public static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A made-up client address (sent as X-Forwarded-For), so throttling one test's failures leaves the others alone. */
    public static String uniqueAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public static String createUser(String username, String password, String rolesJson, String department) {
        return asAdmin().body("{\"username\": \"" + username + "\", \"password\": \"" + password + "\", \"displayName\": \"T\","
                        + " \"roles\": " + rolesJson + ", \"department\": " + (department == null ? "null" : "\"" + department + "\"") + "}")
                .post("/api/v1/admin/users").then().statusCode(201).extract().path("id");
    }

    /** A user without roles, logged in: a caller who is not an admin. */
    public static String staffToken() {
        String username = unique("staff");
        createUser(username, "staff-pass-1", "[]", null);
        return Login.token(username, "staff-pass-1");
    }

    public static String defineRole(String key) {
        asAdmin().body("{\"key\": \"" + key + "\", \"permissions\": [{\"app\": \"crm\", \"form\": \"customer\","
                + " \"actions\": {\"read\": \"all\"}}]}").put("/api/v1/admin/roles/" + key).then().statusCode(200);
        return key;
    }

    public static String createDepartment(String name, String parent) {
        return asAdmin().body("{\"name\": \"" + name + "\", \"parent\": " + (parent == null ? "null" : "\"" + parent + "\"") + "}")
                .post("/api/v1/admin/departments").then().statusCode(201).extract().path("id");
    }
}
