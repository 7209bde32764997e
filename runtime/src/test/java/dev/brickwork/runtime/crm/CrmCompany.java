package dev.brickwork.runtime.crm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.templates.Templates;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM starter installed through the package API, without its sample data, and the people its flows need
 * (templates/README.md: "an installation needs at least one user holding each role a flow names and a manager on
 * the departments of record owners"), each in the starter's departments with the starter's roles.
 */
final class CrmCompany {

    /** A user with a token. */
    record Person(String id, String token) {
    }

    final Person rep;            // 华东 sales rep: owns every record of the walk
    final Person eastManager;    // sales manager heading 华东: approves the rep's quotes and contracts first
    final Person salesDirector;  // heads 销售部
    final Person finance;
    final Person financeManager; // heads 财务部
    final Person legal;
    final Person gm;             // heads 总部

    CrmCompany() {
        ObjectNode starter = Templates.crm();
        starter.remove("seed");
        People.asAdmin().body(starter.toString()).post("/api/v1/design/packages").then().statusCode(200);

        rep = person("rep", "sales_rep", "总部/销售部/华东");
        eastManager = person("east_manager", "sales_manager", "总部/销售部/华东");
        salesDirector = person("sales_director", "sales_director", "总部/销售部");
        finance = person("finance", "finance", "总部/财务部");
        financeManager = person("finance_manager", "finance_manager", "总部/财务部");
        legal = person("legal", "legal", "总部");
        gm = person("gm", "gm", "总部");
        manage("总部/销售部/华东", eastManager);
        manage("总部/销售部", salesDirector);
        manage("总部/财务部", financeManager);
        manage("总部", gm);
    }

    private static Person person(String username, String role, String department) {
        String id = People.createUser(username, username + "-pass-2026", "[\"" + role + "\"]", department(department));
        return new Person(id, Login.token(username, username + "-pass-2026"));
    }

    /** Makes {@code manager} the department's manager through the admin API (docs/spec.md §8). */
    private static void manage(String path, Person manager) {
        People.asAdmin().body("{\"manager\": \"" + manager.id() + "\"}")
                .patch("/api/v1/admin/departments/" + department(path)).then().statusCode(200);
    }

    /** The id of the installed department at a path of the starter's tree ({@code 总部/销售部/华东}). */
    static String department(String path) {
        List<Map<String, Object>> all = People.asAdmin().get("/api/v1/admin/departments").then().statusCode(200)
                .extract().path("items");
        String parent = null;
        for (String name : path.split("/")) {
            String under = parent;
            List<String> found = all.stream()
                    .filter(d -> name.equals(d.get("name")) && java.util.Objects.equals(under, d.get("parent")))
                    .map(d -> (String) d.get("id")).toList();
            assertThat(found).as("the installed department %s of %s", name, path).hasSize(1);
            parent = found.get(0);
        }
        return parent;
    }
}
