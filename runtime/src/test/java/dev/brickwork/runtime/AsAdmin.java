package dev.brickwork.runtime;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;

/** Makes every RestAssured call of a test carry the admin's bearer token and JSON content type. */
public final class AsAdmin {

    private AsAdmin() {
    }

    public static void signIn() {
        RestAssured.requestSpecification = null;
        String token = Login.admin();
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", Login.bearer(token)).setContentType(ContentType.JSON).build();
    }

    public static void signOut() {
        RestAssured.requestSpecification = null;
    }
}
