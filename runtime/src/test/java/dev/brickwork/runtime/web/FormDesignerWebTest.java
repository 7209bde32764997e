package dev.brickwork.runtime.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static dev.brickwork.runtime.web.StaffBrowser.drag;
import static dev.brickwork.runtime.web.StaffBrowser.shot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form designer in the browser (issue 14): an admin builds a form by dragging, sees the expression editor's
 * problem come and go, undoes and redoes a move, previews, publishes after reading the plan; a rep then fills it in.
 */
@QuarkusTest
@TestProfile(WebAppTestBase.CrmWithoutFirstStart.class)
@WithTestResource(TestDatabase.class)
class FormDesignerWebTest extends WebAppTestBase {

    @Test
    void anAdminBuildsAFormByDraggingPublishesItAndARepFillsItIn() {
        String form = "visit_" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x").toLowerCase(Locale.ROOT);
        Page page = browser.signedIn("admin", TestDatabase.adminPassword(), "en-US", 1400);
        page.getByTestId("user-menu").click();
        page.getByTestId("design-link").click();
        page.getByTestId("new-form-crm").click();
        page.getByTestId("create-key").fill(form);
        page.getByTestId("create-label-en").fill("Site visit");
        page.getByTestId("create-label-zh").fill("现场拜访");
        page.getByTestId("create-confirm").click();
        page.locator("[data-testid=form-designer][data-ready=true]").waitFor();

        // six field types, a sub-table with a column dragged into it, and a formula: into new rows and beside fields
        Locator end = page.getByTestId("drop-end-0");
        drag(page, palette(page, "text"), end, 0.5);
        drag(page, palette(page, "number"), cell(page, "text_1"), 0.9);
        drag(page, palette(page, "money"), end, 0.5);
        drag(page, palette(page, "date"), cell(page, "money_1"), 0.9);
        drag(page, palette(page, "select"), end, 0.5);
        drag(page, palette(page, "user"), cell(page, "select_1"), 0.9);
        drag(page, palette(page, "subtable"), end, 0.5);
        drag(page, palette(page, "number"), page.getByTestId("columns-subtable_1"), 0.9);
        drag(page, palette(page, "formula"), end, 0.5);
        expect(page.locator("[data-testid^=cell-]:not([data-testid^=cell-problems])")).hasCount(8);
        assertThat(sameRow(page, "text_1", "number_1")).isTrue();
        assertThat(sameRow(page, "money_1", "date_1")).isTrue();
        expect(page.getByTestId("column-subtable_1-number_2")).isVisible();

        // the formula's problem appears in the editor as typed, and goes once it is right
        page.getByTestId("prop-expression").click();
        page.keyboard().type("number_1 * mony");
        expect(page.getByTestId("prop-expression-problems")).containsText("mony");
        expect(page.getByTestId("cell-problems-formula_1")).isVisible();
        page.keyboard().press("Escape");
        for (int i = 0; i < 4; i++) {
            page.keyboard().press("Backspace");
        }
        page.keyboard().type("money_1");
        page.keyboard().press("Escape");
        expect(page.getByTestId("prop-expression-problems")).hasCount(0);
        expect(page.getByTestId("problem-count")).containsText("No problems");
        shot(page, "form-designer-en");

        // a move, undone and redone
        drag(page, cell(page, "formula_1"), cell(page, "user_1"), 0.9);
        assertThat(sameRow(page, "select_1", "formula_1")).isTrue();
        page.getByTestId("undo").click();
        assertThat(sameRow(page, "select_1", "formula_1")).isFalse();
        page.getByTestId("redo").click();
        assertThat(sameRow(page, "select_1", "formula_1")).isTrue();

        // the form's title: its first text
        page.getByTestId("form-canvas").click(new Locator.ClickOptions().setPosition(4, 4));
        StaffBrowser.choose(page, page.getByTestId("form-settings").locator(".el-form-item").filter(
                new Locator.FilterOptions().setHasText("Title field")), null, "Text 1");

        // the preview is the staff form over the draft, with the formula computed by the server
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB, new Page.GetByRoleOptions().setName("Preview")).click();
        Locator preview = page.getByTestId("draft-preview");
        preview.getByTestId("field-number_1").locator("input").fill("3");
        preview.getByTestId("field-money_1").locator("input").fill("2.50");
        expect(preview.getByTestId("item-formula_1")).containsText("7.50");
        shot(page, "form-designer-preview-en");

        // the plan first, then the publish
        page.getByTestId("publish").click();
        expect(page.getByTestId("diff-added-formula_1")).isVisible();
        expect(page.getByTestId("plan-tables")).containsText(form);
        shot(page, "form-designer-publish-en");
        page.getByTestId("publish-confirm").click();
        expect(page.getByTestId("designer-title").locator("xpath=..")).containsText("v1");
        assertThat(Db.single("SELECT count(*)::text FROM information_schema.columns WHERE table_schema = 'app_crm'"
                + " AND table_name = ? AND column_name = 'formula_1'", form)).isEqualTo("1");
        page.context().close();

        // a rep given the form creates a record on it
        grantToTheRep(form);
        Page repsPage = browser.signedIn(rep, "en-US", 1280);
        repsPage.navigate(browser.url("/apps/crm/" + form + "/new"));
        repsPage.getByTestId("field-text_1").locator("input").fill("Visit to Pumps Ltd");
        repsPage.getByTestId("field-number_1").locator("input").fill("4");
        repsPage.getByTestId("field-money_1").locator("input").fill("10.25");
        expect(repsPage.getByTestId("item-formula_1")).containsText("41.00");
        repsPage.getByTestId("save").click();
        expect(repsPage.getByTestId("record-title")).containsText("Visit to Pumps Ltd");
        assertThat(Db.single("SELECT formula_1::text FROM app_crm." + form + " WHERE text_1 = 'Visit to Pumps Ltd'")).isEqualTo("41.00");
        repsPage.context().close();
    }

    private static Locator palette(Page page, String type) {
        return page.getByTestId("palette-" + type);
    }

    private static Locator cell(Page page, String key) {
        return page.getByTestId("cell-" + key);
    }

    private static boolean sameRow(Page page, String a, String b) {
        return (Boolean) page.evaluate("([a, b]) => document.querySelector(`[data-testid=cell-${a}]`).parentElement"
                + " === document.querySelector(`[data-testid=cell-${b}]`).parentElement", List.of(a, b));
    }

    /** A role that may create and read the new form, added to the rep's roles (the title names the record). */
    private void grantToTheRep(String form) {
        String role = People.unique("visitor");
        People.asAdmin().body("{\"key\": \"" + role + "\", \"permissions\": [{\"app\": \"crm\", \"form\": \"" + form
                + "\", \"actions\": {\"create\": \"all\", \"read\": \"all\", \"update\": \"own\"}}]}")
                .put("/api/v1/admin/roles/" + role).then().statusCode(200);
        String id = Db.single("SELECT id::text FROM brickwork.users WHERE username = ?", rep);
        JsonPath user = People.asAdmin().get("/api/v1/admin/users/" + id).then().statusCode(200).extract().jsonPath();
        List<String> roles = new ArrayList<>(user.getList("roles", String.class));
        roles.add(role);
        People.asAdmin().body("{\"roles\": [\"" + String.join("\", \"", roles) + "\"]}")
                .patch("/api/v1/admin/users/" + id).then().statusCode(200);
    }
}
