package dev.brickwork.runtime.auth;

import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class SessionIdentityTest {

    @Test
    void aSessionCarriesTheUsersDepartmentAndRoleKeys() {
        // given
        String role = People.defineRole(People.unique("analyst"));
        String department = People.createDepartment(People.unique("Finance"), null);
        String username = People.unique("carol");
        String id = People.createUser(username, "carol-pass-1", "[\"" + role + "\"]", department);

        // when / then
        People.as(Login.token(username, "carol-pass-1")).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(id)).body("username", equalTo(username)).body("department", equalTo(department))
                .body("roles", containsInAnyOrder("user", role)).body("tokenId", nullValue());
    }

    @Test
    void anAdminSessionHoldsTheAdminRoleAndNoDepartment() {
        People.asAdmin().get("/api/v1/me").then().statusCode(200)
                .body("roles", containsInAnyOrder("user", "admin")).body("department", nullValue());
    }
}
