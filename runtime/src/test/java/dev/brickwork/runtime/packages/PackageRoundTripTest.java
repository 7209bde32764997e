package dev.brickwork.runtime.packages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The CRM starter as a package: a dry run shows the whole plan and writes nothing; the install creates every form,
 * flow, role and department; installing it again is a no-op plan; and its export, installed as another app, exports
 * the same document again (the round trip of issue 12, "install → export → install → export").
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class PackageRoundTripTest {

    private static final String APP = "rt_crm";
    private static final String COPY = "rt_crm_copy";

    @BeforeEach
    void signIn() {
        AsAdmin.signIn();
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void theStarterInstallsOnceExportsAndReinstallsAsTheSameDocument() {
        ObjectNode starter = StarterPackages.starter(APP);
        long appsBefore = Db.count("SELECT count(*) FROM brickwork.apps");
        long versionsBefore = Db.count("SELECT count(*) FROM brickwork.form_versions");

        StarterPackages.dryRun(starter).statusCode(200)
                .body("dryRun", equalTo(true)).body("created", equalTo(true)).body("changes", equalTo(true))
                .body("forms", hasSize(12)).body("forms.action", everyItem(equalTo("create")))
                .body("flows", hasSize(3)).body("flows.action", everyItem(equalTo("create")))
                .body("forms.find { it.key == 'customer' }.migration.action[0]", equalTo("CREATE_SCHEMA"));
        assertThat(Db.count("SELECT count(*) FROM brickwork.apps")).isEqualTo(appsBefore);
        assertThat(Db.count("SELECT count(*) FROM brickwork.form_versions")).isEqualTo(versionsBefore);
        assertThat(Db.count("SELECT count(*) FROM pg_namespace WHERE nspname = 'app_" + APP + "'")).isZero();

        StarterPackages.install(starter).statusCode(200)
                .body("created", equalTo(true)).body("dryRun", equalTo(false))
                .body("forms.action", everyItem(equalTo("create"))).body("flows.action", everyItem(equalTo("create")))
                .body("forms.find { it.key == 'quote' }.version", equalTo(1));
        assertThat(Db.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'app_" + APP + "'"))
                .isGreaterThanOrEqualTo(12);
        assertThat(Db.single("SELECT app_version FROM brickwork.app_packages WHERE app_key = ?", APP)).isEqualTo("1.0.0");
        // the install's audit entries hold JSON objects (a bound text once became a JSON string)
        assertThat(Db.rows("SELECT DISTINCT action, jsonb_typeof(detail) FROM brickwork.audit_log WHERE app_key = ?", APP))
                .contains(List.of("form.published", "object"), List.of("package.installed", "object"));
        assertThat(Db.single("SELECT jsonb_typeof(definition) FROM brickwork.roles WHERE role_key = 'sales_rep'")).isEqualTo("object");

        StarterPackages.install(starter).statusCode(200)
                .body("created", equalTo(false)).body("changes", equalTo(false))
                .body("forms.action", everyItem(equalTo("unchanged"))).body("flows.action", everyItem(equalTo("unchanged")))
                .body("roles.action", everyItem(equalTo("unchanged"))).body("departments.action", everyItem(equalTo("unchanged")));
        assertThat(Db.count("SELECT count(*) FROM brickwork.form_versions v JOIN brickwork.forms f ON f.id = v.form_id"
                + " JOIN brickwork.apps a ON a.id = f.app_id WHERE a.app_key = ?", APP)).isEqualTo(12);

        ObjectNode first = StarterPackages.export(APP);
        assertThat(first.path("forms")).hasSize(12);
        assertThat(first.path("flows")).hasSize(3);
        assertThat(first.path("roles").size()).isEqualTo(starter.path("roles").size());
        assertThat(first.has("seed")).isFalse();

        StarterPackages.install(StarterPackages.renamed(first, COPY)).statusCode(200).body("created", equalTo(true));
        ObjectNode again = StarterPackages.renamed(StarterPackages.export(COPY), APP);
        assertThat(StarterPackages.canonical(again)).isEqualTo(StarterPackages.canonical(first));
    }

    @Test
    void theExportOfAnUnknownAppIsNotFound() {
        io.restassured.RestAssured.given().get("/api/v1/design/apps/no_such_app/package").then().statusCode(404)
                .body("title", equalTo("No such app"));
    }
}
