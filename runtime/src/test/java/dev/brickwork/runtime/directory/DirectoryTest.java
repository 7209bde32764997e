package dev.brickwork.runtime.directory;

import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The directory (docs/spec.md §8): what any signed-in user may look up of people and departments, and no more. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class DirectoryTest {

    private static String staff;
    private static String east;
    private static String lin;
    private static String gone;

    // department names of its own: departments are shared by every class of the run (SampleLoaderTest checks the starter's by name)
    @BeforeEach
    void world() {
        RestAssured.requestSpecification = null;
        if (staff != null) {
            return;
        }
        String top = People.asAdmin().body("{\"name\": \"目录总部\", \"parent\": null, \"manager\": null}")
                .post("/api/v1/admin/departments").then().statusCode(201).extract().path("id");
        east = People.asAdmin().body("{\"name\": \"目录华东\", \"parent\": \"" + top + "\", \"manager\": null}")
                .post("/api/v1/admin/departments").then().statusCode(201).extract().path("id");
        lin = People.asAdmin().body("{\"username\": \"dir_lin\", \"password\": \"dir-pass-1\", \"displayName\": \"林 100%_Sales\","
                + " \"roles\": [], \"department\": \"" + east + "\"}").post("/api/v1/admin/users").then().statusCode(201)
                .extract().path("id");
        gone = People.createUser("dir_gone", "dir-pass-1", "[]", null);
        People.asAdmin().body("{\"disabled\": true}").patch("/api/v1/admin/users/" + gone).then().statusCode(200);
        staff = People.staffToken();
    }

    @Test
    void staffFindActivePeopleByNameWithTheirDepartmentButNoRoles() {
        JsonPath found = People.as(staff).get("/api/v1/directory/users?q=林").then().statusCode(200).extract().jsonPath();
        assertThat(found.getList("items.id")).containsExactly(lin);
        assertThat(found.getString("items[0].department.name")).isEqualTo("目录华东");
        assertThat(found.getMap("items[0]")).doesNotContainKeys("roles", "password", "passwordHash");
        // a search for the disabled user finds nothing; asking by id does, marked disabled
        assertThat(People.as(staff).get("/api/v1/directory/users?q=dir_gone").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
        People.as(staff).get("/api/v1/directory/users?ids=" + gone + "," + lin).then().statusCode(200)
                .body("items.find { it.id == '" + gone + "' }.disabled", equalTo(true))
                .body("items.size()", equalTo(2));
    }

    @Test
    void likeWildcardsInTheQueryAreLiteral() {
        assertThat(People.as(staff).get("/api/v1/directory/users?q=100%_").then().statusCode(200)
                .extract().jsonPath().getList("items.id")).containsExactly(lin);
        assertThat(People.as(staff).get("/api/v1/directory/users?q=0%S").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
    }

    @Test
    void departmentsComeWithTheirPathInPathOrder() {
        JsonPath tree = People.as(staff).get("/api/v1/directory/departments").then().statusCode(200).extract().jsonPath();
        assertThat(tree.getString("items.find { it.id == '" + east + "' }.path")).isEqualTo("目录总部/目录华东");
    }

    @Test
    void badQueriesAreLocatedAndStrangersAreRefused() {
        People.as(staff).get("/api/v1/directory/users?limit=0&ids=" + lin + ",nope").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", org.hamcrest.Matchers.containsInAnyOrder("/limit", "/ids/1"));
        People.as(staff).get("/api/v1/directory/users?q=" + "x".repeat(101)).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/q"));
        RestAssured.given().get("/api/v1/directory/users").then().statusCode(401);
    }
}
