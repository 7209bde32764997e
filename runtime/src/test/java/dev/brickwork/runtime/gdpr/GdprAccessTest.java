package dev.brickwork.runtime.gdpr;

import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The GDPR helpers are for administrators only: 401 without a token, 403 for anyone else. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class GdprAccessTest {

    private static String staffToken;

    private static synchronized String staff() {
        if (staffToken == null) {
            staffToken = People.staffToken();
        }
        return staffToken;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /api/v1/admin/gdpr/apps/gdpr_a/forms/contact/records/00000000-0000-7000-8000-000000000000/export",
            "POST, /api/v1/admin/gdpr/apps/gdpr_a/forms/contact/records/00000000-0000-7000-8000-000000000000/erase"})
    void refusesCallersWithoutATokenOrWithoutTheAdminRole(String method, String path) {
        given().contentType(ContentType.JSON).request(method, path).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        People.as(staff()).request(method, path).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }
}
