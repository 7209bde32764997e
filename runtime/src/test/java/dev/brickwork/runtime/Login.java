package dev.brickwork.runtime;

import dev.brickwork.testing.TestDatabase;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;

/** Logs in through the API, as a client would. */
public final class Login {

    private Login() {
    }

    public static String admin() {
        return token("admin", TestDatabase.adminPassword());
    }

    public static String token(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body("{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}")
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
