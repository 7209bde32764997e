package dev.brickwork.runtime.flows;

import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;

/**
 * The people approver rules choose from: the chief manages HQ; the lead manages Team below it, of which he, alice,
 * bob and a disabled user are members; alice, dave (in no department) and the disabled user hold the reviewers' role.
 */
final class Staff {

    /** A user with a token. */
    record Person(String id, String token) {
    }

    final String role = People.defineRole(People.unique("reviewers"));
    final Person chief = person("chief", "[]", null);
    final String hq = department("HQ", null, chief.id());
    final Person lead = person("lead", "[]", null);
    final String team = department("Team", hq, lead.id());
    final Person alice = person("alice", "[\"" + role + "\"]", team);
    final Person bob = person("bob", "[]", team);
    final Person dave = person("dave", "[\"" + role + "\"]", null);
    final String goneId = People.createUser(People.unique("gone"), "gone-pass-1", "[\"" + role + "\"]", team);

    Staff() {
        People.asAdmin().body("{\"department\": \"" + team + "\"}").patch("/api/v1/admin/users/" + lead.id()).then()
                .statusCode(200);
        People.asAdmin().body("{\"disabled\": true}").patch("/api/v1/admin/users/" + goneId).then().statusCode(200);
    }

    static Person person(String name, String roles, String department) {
        String username = People.unique(name);
        String id = People.createUser(username, name + "-pass-1", roles, department);
        return new Person(id, Login.token(username, name + "-pass-1"));
    }

    private static String department(String name, String parent, String manager) {
        return People.asAdmin().body("{\"name\": \"" + People.unique(name) + "\", \"parent\": "
                        + (parent == null ? "null" : "\"" + parent + "\"") + ", \"manager\": \"" + manager + "\"}")
                .post("/api/v1/admin/departments").then().statusCode(201).extract().path("id");
    }
}
