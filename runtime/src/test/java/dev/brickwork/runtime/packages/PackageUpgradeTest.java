package dev.brickwork.runtime.packages;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Upgrading an installed app to a newer package version with records in place: the records stay, the fields an
 * admin added stay, what only the package changed is applied, and what both changed is reported as a conflict with
 * the admin's version kept. A dry run of the upgrade shows exactly that and changes nothing.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class PackageUpgradeTest {

    private static final String APP = "upg_pkg";
    private static final String RECORDS = "/api/v1/apps/" + APP + "/forms/";

    private static final String V1_ACCOUNT = """
            {"schemaVersion": 1, "key": "account", "fields": [
             {"key": "name", "type": "text", "required": true, "label": {"en": "Name"}},
             {"key": "tier", "type": "select", "options": [{"value": "a"}, {"value": "b"}]}]}""";
    private static final String V1_DEAL = """
            {"schemaVersion": 1, "key": "deal", "fields": [
             {"key": "account", "type": "reference", "target": "account"},
             {"key": "amount", "type": "money"}]}""";
    /** The admin's edit after the install: renames the name field's label, adds notes. */
    private static final String ADMIN_ACCOUNT = """
            {"schemaVersion": 1, "key": "account", "fields": [
             {"key": "name", "type": "text", "required": true, "label": {"en": "Account name"}},
             {"key": "tier", "type": "select", "options": [{"value": "a"}, {"value": "b"}]},
             {"key": "notes", "type": "textarea"}]}""";
    /** The package's next version: relabels name too (a conflict), adds tier option c and a region field. */
    private static final String V2_ACCOUNT = """
            {"schemaVersion": 1, "key": "account", "fields": [
             {"key": "name", "type": "text", "required": true, "label": {"en": "Company"}},
             {"key": "tier", "type": "select", "options": [{"value": "a"}, {"value": "b"}, {"value": "c"}]},
             {"key": "region", "type": "text"}]}""";
    private static final String V2_DEAL = """
            {"schemaVersion": 1, "key": "deal", "fields": [
             {"key": "account", "type": "reference", "target": "account"},
             {"key": "amount", "type": "money"},
             {"key": "stage", "type": "select", "options": [{"value": "open"}, {"value": "won"}]}]}""";

    @BeforeEach
    void signIn() {
        AsAdmin.signIn();
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void anUpgradeKeepsTheDataAndTheAdminsFieldsAndReportsWhatBothChanged() {
        install(pkg("1.0.0", V1_ACCOUNT, V1_DEAL, "all")).body("created", equalTo(true));
        String acme = given().body("{\"fields\": {\"name\": \"Acme\", \"tier\": \"a\"}}").post(RECORDS + "account/records")
                .then().statusCode(201).extract().path("id");
        given().body("{\"fields\": {\"account\": \"" + acme + "\", \"amount\": \"120.50\"}}").post(RECORDS + "deal/records")
                .then().statusCode(201);
        Design.publishDefinition(APP, "account", ADMIN_ACCOUNT);
        given().body("{\"fields\": {\"notes\": \"met in March\"}}").patch(RECORDS + "account/records/" + acme)
                .then().statusCode(200);
        List<List<String>> before = Db.rows("SELECT name, tier, notes FROM app_upg_pkg.account");

        given().body(pkg("1.1.0", V2_ACCOUNT, V2_DEAL, "own")).queryParam("dryRun", true).post("/api/v1/design/packages")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("previousVersion", equalTo("1.0.0"))
                .body("forms.find { it.key == 'account' }.action", equalTo("conflict"))
                .body("forms.find { it.key == 'account' }.conflicts.pointer", equalTo(List.of("/forms/0/fields/0")))
                .body("forms.find { it.key == 'account' }.migration.column", hasItem("region"))
                .body("forms.find { it.key == 'deal' }.action", equalTo("upgrade"))
                .body("roles.find { it.key == 'upg_clerk' }.action", equalTo("update"));
        assertThat(columns("account")).doesNotContain("region");
        assertThat(Db.single("SELECT app_version FROM brickwork.app_packages WHERE app_key = ?", APP)).isEqualTo("1.0.0");

        install(pkg("1.1.0", V2_ACCOUNT, V2_DEAL, "own")).body("created", equalTo(false))
                .body("forms.find { it.key == 'account' }.action", equalTo("conflict"))
                .body("forms.find { it.key == 'account' }.version", equalTo(3));
        assertThat(Db.rows("SELECT name, tier, notes FROM app_upg_pkg.account")).isEqualTo(before);
        assertThat(columns("account")).contains("notes", "region");
        assertThat(columns("deal")).contains("stage");
        assertThat(Db.count("SELECT count(*) FROM app_upg_pkg.deal WHERE amount = 120.50")).isEqualTo(1);
        String published = current("account");
        assertThat(published).contains("Account name").doesNotContain("Company").contains("\"c\"").contains("notes");
        assertThat(Db.single("SELECT definition->'permissions'->0->'actions'->>'read' FROM brickwork.roles WHERE role_key = 'upg_clerk'"))
                .isEqualTo("own");
        given().body("{\"fields\": {\"name\": \"Beta\", \"tier\": \"c\", \"region\": \"华东\"}}").post(RECORDS + "account/records")
                .then().statusCode(201);

        // the same version again: the admin's edits are now the app's own, nothing to do
        install(pkg("1.1.0", V2_ACCOUNT, V2_DEAL, "own")).body("changes", equalTo(false))
                .body("forms.action", everyItem(equalTo("unchanged"))).body("forms.conflicts.flatten()", hasSize(0));
    }

    private static ValidatableResponse install(String pkg) {
        return given().body(pkg).post("/api/v1/design/packages").then().statusCode(200);
    }

    private static List<String> columns(String table) {
        return Db.rows("SELECT column_name FROM information_schema.columns WHERE table_schema = 'app_upg_pkg' AND table_name = ?",
                table).stream().map(row -> row.get(0)).toList();
    }

    private static String current(String form) {
        return Db.single("SELECT v.definition::text FROM brickwork.form_versions v JOIN brickwork.forms f ON f.id = v.form_id"
                + " AND v.number = f.current_version JOIN brickwork.apps a ON a.id = f.app_id WHERE a.app_key = ? AND f.form_key = ?",
                APP, form);
    }

    private static String pkg(String version, String account, String deal, String readScope) {
        return """
                {"packageVersion": 1, "app": {"key": "%s", "label": "Upgrades", "version": "%s"},
                 "forms": [%s, %s],
                 "roles": [{"key": "upg_clerk", "permissions": [{"app": "%s", "form": "account", "actions": {"read": "%s"}}]}],
                 "departments": [{"path": "总部/升级部"}]}""".formatted(APP, version, account, deal, APP, readScope);
    }
}
