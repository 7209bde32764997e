package dev.brickwork.runtime.admin;

import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Every admin endpoint: 401 without a token, 403 for a signed-in user who is not an admin. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class AdminAccessTest {

    private static String staffToken;

    private static synchronized String staff() {
        if (staffToken == null) {
            staffToken = People.staffToken();
        }
        return staffToken;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /api/v1/admin/users", "POST, /api/v1/admin/users",
            "GET, /api/v1/admin/users/00000000-0000-7000-8000-000000000000",
            "PATCH, /api/v1/admin/users/00000000-0000-7000-8000-000000000000",
            "GET, /api/v1/admin/users/00000000-0000-7000-8000-000000000000/access",
            "GET, /api/v1/admin/departments", "POST, /api/v1/admin/departments",
            "GET, /api/v1/admin/departments/00000000-0000-7000-8000-000000000000",
            "PATCH, /api/v1/admin/departments/00000000-0000-7000-8000-000000000000",
            "GET, /api/v1/admin/roles", "GET, /api/v1/admin/roles/sales", "PUT, /api/v1/admin/roles/sales",
            "GET, /api/v1/admin/tokens", "POST, /api/v1/admin/tokens",
            "DELETE, /api/v1/admin/tokens/00000000-0000-7000-8000-000000000000",
            "GET, /api/v1/admin/audit",
            "POST, /api/v1/admin/encryption/rotate",
            "GET, /api/v1/admin/flow-effects", "POST, /api/v1/admin/flow-effects/1/retry",
            "DELETE, /api/v1/admin/flow-effects/1",
            "GET, /api/v1/design/apps/crm/forms/deal/set-aside", "POST, /api/v1/design/apps/crm/forms/deal/set-aside/purge",
            "GET, /api/v1/admin/gdpr/apps/gdpr_a/forms/contact/records/00000000-0000-7000-8000-000000000000/export",
            "POST, /api/v1/admin/gdpr/apps/gdpr_a/forms/contact/records/00000000-0000-7000-8000-000000000000/erase"})
    void refusesCallersWithoutATokenOrWithoutTheAdminRole(String method, String path) {
        given().contentType(ContentType.JSON).body("{}").request(method, path).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        People.as(staff()).body("{}").request(method, path).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }
}
