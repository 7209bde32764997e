package dev.brickwork.designer;

import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.RecordedPublishes;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

/** An admin lists a form's set-aside columns and tables and purges them explicitly, all or by name. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
@TestSecurity(user = "designer", roles = "admin")
class SetAsidePurgeTest {

    private static final String WITH = """
            {"schemaVersion": 1, "key": "deal", "fields": [
              {"key": "name", "type": "text"},
              {"key": "code", "type": "text", "unique": true},
              {"key": "secret", "type": "text", "sensitive": true},
              {"key": "lines", "type": "subtable", "fields": [
                {"key": "sku", "type": "text"}, {"key": "note", "type": "text"}]}]}""";

    private static final String WITHOUT = """
            {"schemaVersion": 1, "key": "deal", "fields": [{"key": "name", "type": "text"},
              {"key": "lines", "type": "subtable", "fields": [{"key": "sku", "type": "text"}]}]}""";

    private static final String NO_LINES = """
            {"schemaVersion": 1, "key": "deal", "fields": [{"key": "name", "type": "text"}]}""";

    @Inject
    RecordedPublishes publishes;

    @Test
    void listsWhatAFormSetAsideWithTheVersionThatDidItAndItsSize() {
        evolved("aside_list");

        given().get("/api/v1/design/apps/aside_list/forms/deal/set-aside").then().statusCode(200)
                .body("columns.name", contains("_removed_v2_code", "_removed_v2_secret", "_removed_v2__h_secret",
                        "_removed_v2_note"))
                .body("columns.table", contains("deal", "deal", "deal", "deal__lines"))
                .body("columns.removedIn", contains(2, 2, 2, 2))
                .body("columns[0].values", equalTo(1)).body("columns[0].bytes", greaterThan(0))
                .body("columns[3].values", equalTo(1))
                .body("tables", empty())
                .body("capacity.table", containsInAnyOrder("deal", "deal__lines"))
                .body("capacity.find { it.table == 'deal' }.columns", equalTo(12))
                .body("capacity[0].limit", equalTo(1600));

        Design.publishDefinition("aside_list", "deal", NO_LINES);
        given().get("/api/v1/design/apps/aside_list/forms/deal/set-aside").then().statusCode(200)
                .body("tables.name", contains("_removed_v3_deal__lines"))
                .body("tables[0].removedIn", equalTo(3)).body("tables[0].rows", equalTo(1))
                .body("tables[0].bytes", greaterThan(0))
                .body("columns.table", contains("deal", "deal", "deal"));
    }

    @Test
    void purgesTheNamedColumnsAndTablesOnlyAndTellsTheAudit() {
        evolved("aside_named");
        Design.publishDefinition("aside_named", "deal", NO_LINES);

        purge("aside_named", """
                {"columns": [{"table": "deal", "name": "_removed_v2_code"}], "tables": ["_removed_v3_deal__lines"]}""")
                .statusCode(200)
                .body("columns.name", contains("_removed_v2_code")).body("tables", contains("_removed_v3_deal__lines"));

        assertThat(columns("aside_named", "deal")).contains("_removed_v2_secret").doesNotContain("_removed_v2_code");
        assertThat(Db.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'app_aside_named'"
                + " AND tablename LIKE '\\_removed%'")).isZero();
        assertThat(publishes.purges("aside_named")).singleElement().satisfies(event -> {
            assertThat(event.columns()).containsExactly("deal._removed_v2_code");
            assertThat(event.tables()).containsExactly("_removed_v3_deal__lines");
            assertThat(event.byName()).isEqualTo("designer");
        });
        Design.publishDefinition("aside_named", "deal", WITH);
    }

    @Test
    void purgesEverythingAFormSetAsideAndNothingOfAnotherForm() {
        evolved("aside_all");
        Design.publishDefinition("aside_all", "other", NO_LINES.replace("\"deal\"", "\"other\""));
        Design.publishDefinition("aside_all", "other", NO_LINES.replace("\"deal\"", "\"other\"").replace("name", "title"));

        purge("aside_all", "{\"all\": true}").statusCode(200).body("columns.size()", equalTo(4));

        given().get("/api/v1/design/apps/aside_all/forms/deal/set-aside").then().statusCode(200)
                .body("columns", empty()).body("tables", empty());
        assertThat(columns("aside_all", "other")).contains("_removed_v2_name");
    }

    @Test
    void refusesUnknownNamesOrAnUnclearSelectionAndPurgesNothing() {
        evolved("aside_refused");
        List<List<String>> before = Db.snapshot();

        purge("aside_refused", """
                {"columns": [{"table": "deal", "name": "_removed_v2_code"}, {"table": "deal", "name": "name"}],
                 "tables": ["deal__lines"]}""")
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("REQUEST_INVALID"))
                .body("errors.pointer", contains("/columns/1", "/tables/0"))
                .body("errors.code", contains("SET_ASIDE_UNKNOWN", "SET_ASIDE_UNKNOWN"));
        purge("aside_refused", "{\"all\": true, \"tables\": [\"x\"]}").statusCode(422)
                .body("errors.code", contains("PURGE_SELECTION_INVALID"));
        purge("aside_refused", "{}").statusCode(422).body("errors.code", contains("PURGE_SELECTION_INVALID"));
        purge("aside_refused", "{\"everything\": 1}").statusCode(422).body("errors.pointer", contains("/everything"));
        given().get("/api/v1/design/apps/aside_refused/forms/ghost/set-aside").then().statusCode(404)
                .body("code", equalTo("FORM_NOT_FOUND"));

        assertThat(Db.snapshot()).isEqualTo(before);
        assertThat(publishes.purges("aside_refused")).isEmpty();
    }

    /** v1 with data everywhere, then v2 without code and secret (and without the rows' note). */
    private static void evolved(String app) {
        Design.createApp(app).statusCode(201);
        Design.publishDefinition(app, "deal", WITH);
        Db.execute("INSERT INTO app_" + app + ".deal (id, name, code) VALUES ('00000000-0000-7000-8000-000000000001', 'a', 'c1')");
        Db.execute("INSERT INTO app_" + app + ".deal__lines (id, parent_id, position, sku, note)"
                + " VALUES (gen_random_uuid(), '00000000-0000-7000-8000-000000000001', 0, 's', 'n')");
        Design.publishDefinition(app, "deal", WITHOUT);
    }

    private static ValidatableResponse purge(String app, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/design/apps/{app}/forms/deal/set-aside/purge", app).then();
    }

    private static List<String> columns(String app, String table) {
        return Db.rows("SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
                "app_" + app, table).stream().map(row -> row.get(0)).toList();
    }
}
