package dev.brickwork.runtime.packages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * A bad package gets every problem located in the package (422 PACKAGE_INVALID) and installs nothing: no app, no
 * schema, no role, no department, no audit entry. Each case of issue 12's "Bad input" list, and a few more.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class PackageBadInputTest {

    private static final String APP = "bad_pkg";

    private static final String ACCOUNT = """
            {"schemaVersion": 1, "key": "account", "fields": [{"key": "name", "type": "text", "required": true}]}""";

    @BeforeEach
    void signIn() {
        AsAdmin.signIn();
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void anUnknownPackageVersionIsRefusedAtItsPlace() {
        refused(pkg("2", "[" + ACCOUNT + "]", "[]", "[]")).body("errors.pointer", hasItem("/packageVersion"))
                .body("errors.code", hasItem("PACKAGE_VERSION_UNSUPPORTED"));
    }

    @Test
    void aFormReferencingAFormNotInThePackageIsLocatedAtTheReference() {
        String deal = """
                {"schemaVersion": 1, "key": "deal", "fields": [{"key": "title", "type": "text"},
                 {"key": "account", "type": "reference", "target": "missing_form"}]}""";
        refused(pkg("1", "[" + ACCOUNT + "," + deal + "]", "[]", "[]"))
                .body("errors.pointer", hasItem(startsWith("/forms/1/fields/1")));
    }

    @Test
    void aCyclicRollupIsRefusedWithTheCycle() {
        String parent = """
                {"schemaVersion": 1, "key": "parent", "fields": [
                 {"key": "total", "type": "rollup", "source": "child", "via": "parent", "aggregate": "sum", "field": "share"}]}""";
        String child = """
                {"schemaVersion": 1, "key": "child", "fields": [
                 {"key": "parent", "type": "reference", "target": "parent"},
                 {"key": "parent_total", "type": "lookup", "via": "parent", "field": "total"},
                 {"key": "share", "type": "formula", "expression": "parent_total / 2"}]}""";
        refused(pkg("1", "[" + parent + "," + child + "]", "[]", "[]")).body("errors.code", hasItem("COMPUTED_CYCLE"))
                .body("errors.pointer", hasItem(startsWith("/forms/")));
    }

    @Test
    void aDuplicateKeyIsRefusedAtTheSecondEntry() {
        refused(pkg("1", "[" + ACCOUNT + "," + ACCOUNT + "]", "[]", "[]"))
                .body("errors.pointer", hasItem("/forms/1/key")).body("errors.code", hasItem("PACKAGE_DUPLICATE_KEY"));
    }

    @Test
    void aFlowNamingARoleNotInThePackageIsLocatedInTheFlow() {
        String flow = """
                {"schemaVersion": 1, "key": "account_check", "form": "account", "trigger": {"on": "submit"},
                 "nodes": [{"type": "approval", "key": "boss", "approvers": [{"role": "no_such_role"}]}]}""";
        refused(pkg("1", "[" + ACCOUNT + "]", "[" + flow + "]", "[]"))
                .body("errors.pointer", hasItem(startsWith("/flows/0/nodes/0")));
    }

    @Test
    void aScriptTaskInAnUploadedBpmnIsRefused() throws Exception {
        String bpmn = new String(getClass().getResourceAsStream("/flows/script_task.bpmn").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        ObjectNode flow = JsonBodies.mapper().createObjectNode().put("key", "contract_upload").put("form", "account")
                .put("bpmn", bpmn);
        flow.putObject("trigger").put("on", "submit");
        refused(pkg("1", "[" + ACCOUNT + "]", "[" + flow + "]", "[]"))
                .body("errors.pointer", hasItem(startsWith("/flows/0")))
                .body("errors.code", hasItem(org.hamcrest.Matchers.containsString("SCRIPT")));
    }

    @Test
    void aRoleGrantingOnAnotherAppOrAFormNotInThePackageIsRefused() {
        String roles = """
                [{"key": "bad_pkg_clerk", "permissions": [
                  {"app": "some_other_app", "form": "account", "actions": {"read": "all"}},
                  {"app": "bad_pkg", "form": "invoice", "actions": {"read": "all"}}]}]""";
        refused(pkg("1", "[" + ACCOUNT + "]", "[]", roles))
                .body("errors.pointer", hasItems("/roles/0/permissions/0/app", "/roles/0/permissions/1/form"));
        assertThat(Db.count("SELECT count(*) FROM brickwork.roles WHERE role_key = 'bad_pkg_clerk'")).isZero();
    }

    @Test
    void everyProblemOfTheDocumentIsReportedAtOnce() {
        String body = """
                {"packageVersion": 1, "app": {"key": "Bad Key", "label": ""}, "forms": {}, "departments": [{"path": "总部//x"}],
                 "seed": {"generator": "nope"}, "scripts": []}""";
        refused(body).body("errors.pointer", hasItems("/app/key", "/app/label", "/forms", "/departments/0/path",
                "/seed/generator", "/scripts"));
    }

    @Test
    void aDryRunOfABadPackageIsRefusedToo() {
        given().body(pkg("1", "[" + ACCOUNT + "," + ACCOUNT + "]", "[]", "[]")).queryParam("dryRun", true)
                .post("/api/v1/design/packages").then().statusCode(422).body("errors.code", hasItem("PACKAGE_DUPLICATE_KEY"));
    }

    @Test
    void aProblemNeverEchoesTheRejectedValue() {
        refused(pkg("1", "[" + ACCOUNT.replace("\"text\"", "\"secret_type_x\"") + "]", "[]", "[]"))
                .body(not(org.hamcrest.Matchers.containsString("secret_type_x")));
    }

    @Test
    void onlyAnAdminInstallsOrExports() {
        AsAdmin.signOut();
        given().body(pkg("1", "[" + ACCOUNT + "]", "[]", "[]")).contentType("application/json")
                .post("/api/v1/design/packages").then().statusCode(401);
        given().get("/api/v1/design/apps/" + APP + "/package").then().statusCode(401);
        assertNothingInstalled();
    }

    private ValidatableResponse refused(String body) {
        long audit = Db.count("SELECT count(*) FROM brickwork.audit_log");
        long departments = Db.count("SELECT count(*) FROM brickwork.departments");
        ValidatableResponse response = given().body(body).post("/api/v1/design/packages").then().statusCode(422)
                .body("title", equalTo("The package is invalid"));
        assertNothingInstalled();
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log")).isEqualTo(audit);
        assertThat(Db.count("SELECT count(*) FROM brickwork.departments")).isEqualTo(departments);
        return response;
    }

    private static void assertNothingInstalled() {
        assertThat(Db.count("SELECT count(*) FROM brickwork.apps WHERE app_key = ?", APP)).isZero();
        assertThat(Db.count("SELECT count(*) FROM pg_namespace WHERE nspname = ?", "app_" + APP)).isZero();
        assertThat(Db.count("SELECT count(*) FROM brickwork.app_packages WHERE app_key = ?", APP)).isZero();
    }

    private static String pkg(String version, String forms, String flows, String roles) {
        return """
                {"packageVersion": %s, "app": {"key": "%s", "label": {"en": "Bad", "zh-CN": "坏"}, "version": "1.0.0"},
                 "forms": %s, "flows": %s, "roles": %s, "departments": [{"path": "总部/坏部门"}]}"""
                .formatted(version, APP, forms, flows, roles);
    }
}
