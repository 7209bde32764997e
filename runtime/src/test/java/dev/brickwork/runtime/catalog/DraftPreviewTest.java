package dev.brickwork.runtime.catalog;

import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the form designer asks as the admin types: a draft's problems and its live preview, saving nothing. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class DraftPreviewTest {

    private static final String APP = People.unique("designing");
    private static final String DESIGN = "/api/v1/design/apps/" + APP + "/forms/deal";
    private static final String DEAL = """
            {"schemaVersion": 1, "key": "deal", "label": {"en": "Deal"}, "titleField": "name", "fields": [
              {"key": "name", "type": "text", "required": true},
              {"key": "stage", "type": "select", "default": "open", "options": [{"value": "open", "label": "Open"}, {"value": "won", "label": "Won"}]},
              {"key": "won_on", "type": "date", "visibleWhen": "stage = 'won'"},
              {"key": "lines", "type": "subtable", "fields": [{"key": "qty", "type": "number"}, {"key": "price", "type": "money"},
                {"key": "line_total", "type": "formula", "expression": "qty * price"}]},
              {"key": "total", "type": "formula", "expression": "SUM(lines.line_total)"}],
             "layout": [{"label": "Deal", "rows": [[{"field": "name", "width": 8}, {"field": "stage", "width": 4}]]},
                        {"label": "Lines", "tab": true, "rows": [[{"field": "lines"}]]}]}""";

    private static boolean created;

    @BeforeEach
    void anApp() {
        if (created) {
            return;
        }
        created = true;
        People.asAdmin().body("{\"key\": \"" + APP + "\", \"label\": \"Designing\"}").post("/api/v1/design/apps").then().statusCode(201);
    }

    @Test
    void aCheckLocatesTheProblemsAsTypedAndSavesNothing() {
        // when: the admin has typed a formula over a field that does not exist
        JsonPath checked = People.asAdmin().body(DEAL.replace("qty * price", "qty * prcie")).post(DESIGN + "/check")
                .then().statusCode(200).extract().jsonPath();

        // then
        List<Map<String, Object>> problems = checked.getList("problems");
        assertThat(problems).extracting(p -> p.get("pointer") + " " + p.get("code"))
                .containsExactly("/fields/3/fields/2/expression EXPR_UNKNOWN_FIELD");
        People.asAdmin().get(DESIGN).then().statusCode(404);
    }

    @Test
    void aChineseAdminReadsTheProblemsInChinese() {
        JsonPath checked = People.asAdmin().header("Accept-Language", "zh-CN").body(DEAL.replace("qty * price", "qty * prcie"))
                .post(DESIGN + "/check").then().statusCode(200).extract().jsonPath();
        assertThat(checked.getString("problems[0].message")).isEqualTo("第 6 个字符处：没有字段“prcie”");
        assertThat(checked.getString("problems[0].code")).isEqualTo("EXPR_UNKNOWN_FIELD");
    }

    @Test
    void aPreviewComputesTheDraftsFormulasAndVisibilityOverSampleValues() {
        // when
        JsonPath preview = People.asAdmin().body("{\"definition\": " + DEAL + ", \"fields\": {\"name\": \"Pumps\","
                        + " \"lines\": [{\"qty\": 3, \"price\": \"2.50\"}, {\"qty\": 1, \"price\": \"4\"}]}}")
                .post(DESIGN + "/preview").then().statusCode(200).extract().jsonPath();

        // then: the staff view of the draft, with its layout, and the live values as a save would compute them
        assertThat(preview.getList("problems")).isEmpty();
        assertThat(preview.getString("form.key")).isEqualTo("deal");
        assertThat(preview.getList("form.fields.key")).containsExactly("name", "stage", "won_on", "lines", "total");
        assertThat(preview.getString("form.layout[1].rows[0][0].field")).isEqualTo("lines");
        assertThat(preview.getString("preview.fields.total")).isEqualTo("11.50");
        assertThat(preview.getList("preview.rows.lines.line_total")).containsExactly("7.50", "4.00");
        assertThat(preview.getList("preview.hidden")).containsExactly("won_on");
        assertThat(preview.getList("preview.errors")).isEmpty();
        People.asAdmin().get(DESIGN).then().statusCode(404);
    }

    @Test
    void aDraftWithAnErrorIsPreviewedAsItsProblemsOnly() {
        // when: the layout places a field twice
        JsonPath preview = People.asAdmin().body("{\"definition\": " + DEAL.replace("{\"field\": \"lines\"}", "{\"field\": \"name\"}")
                        + ", \"fields\": {}}").post(DESIGN + "/preview").then().statusCode(200).extract().jsonPath();

        // then
        assertThat(preview.getList("problems.pointer")).containsExactly("/layout/1/rows/0/0/field");
        assertThat(preview.getString("form")).isNull();
        assertThat(preview.getString("preview")).isNull();
    }

    @Test
    void aPreviewRequestOfAnotherShapeIsRefusedWhereItErrs() {
        JsonPath noDefinition = People.asAdmin().body("{\"fields\": {}}").post(DESIGN + "/preview")
                .then().statusCode(422).extract().jsonPath();
        assertThat(noDefinition.getString("errors[0].pointer")).isEqualTo("/definition");

        JsonPath extra = People.asAdmin().body("{\"definition\": " + DEAL + ", \"colour\": 1}").post(DESIGN + "/preview")
                .then().statusCode(422).extract().jsonPath();
        assertThat(extra.getString("errors[0].pointer")).isEqualTo("/colour");

        JsonPath badSample = People.asAdmin().body("{\"definition\": " + DEAL + ", \"fields\": []}").post(DESIGN + "/preview")
                .then().statusCode(422).extract().jsonPath();
        assertThat(badSample.getString("errors[0].pointer")).startsWith("/fields");
    }

    @Test
    void theFunctionsComeWithTheirHelp() {
        JsonPath functions = People.asAdmin().get("/api/v1/design/expressions/functions").then().statusCode(200).extract().jsonPath();
        assertThat(functions.getList("items.name")).contains("IF", "SUM", "DATEADD");
        assertThat(functions.getString("items.find { it.name == 'ROUND' }.summary.'zh-CN'")).contains("四舍五入");
        People.as(People.staffToken()).get("/api/v1/design/expressions/functions").then().statusCode(403);
    }
}
