package dev.brickwork.runtime.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import io.restassured.path.json.JsonPath;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.brickwork.runtime.web.StaffBrowser.choose;
import static dev.brickwork.runtime.web.StaffBrowser.shot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Lists in the browser: a filtered, sorted list saved as a shared view and reopened from its URL, a kanban drag and a refused one, a bulk hand-over. */
@QuarkusTest
@TestProfile(WebAppTestBase.CrmWithoutFirstStart.class)
@WithTestResource(TestDatabase.class)
class StaffListsWebTest extends WebAppTestBase {

    @Test
    void aFilteredSortedListIsSavedAsASharedViewAndReopensFromItsUrl() {
        String manager = Db.single("SELECT u.username FROM brickwork.users u JOIN brickwork.user_roles r ON r.user_id = u.id"
                + " WHERE r.role_key = 'sales_manager' ORDER BY u.username LIMIT 1");
        Page page = browser.signedIn(manager, "en-US", 1280);
        page.navigate(browser.url("/apps/crm/opportunity"));
        page.getByTestId("filter-button").click();
        Locator condition = page.getByTestId("filter-condition").first();
        choose(page, condition.getByTestId("filter-field"), null, "Stage");
        StaffBrowser.chooseAlso(page, condition.getByTestId("filter-value"), "Won");
        // and made this month: a range that stays relative when the view is opened next month
        page.getByTestId("filter-add").click();
        Locator made = page.getByTestId("filter-condition").nth(1);
        choose(page, made.getByTestId("filter-field"), null, "Created");
        choose(page, made.getByTestId("filter-preset"), null, "This month");
        page.getByTestId("filter-apply").click();
        page.locator(".el-table__header th").filter(new Locator.FilterOptions().setHasText("Amount"))
                .locator(".sort-caret.descending").click();
        page.waitForURL(url -> url.contains("sort=-amount") && url.contains("filter="));
        expect(page.getByTestId("filter-button")).containsText("2");
        shot(page, "opportunity-filtered-en");

        page.getByTestId("view-save-as").click();
        page.getByTestId("view-name").fill("Won, biggest first");
        page.getByTestId("view-shared").click();
        page.getByTestId("view-create").click();
        page.waitForURL(url -> url.contains("view="));
        String link = page.url();
        assertThat(Db.single("SELECT shared::text FROM brickwork.saved_views WHERE name = 'Won, biggest first'")).isEqualTo("true");
        assertThat(Db.single("SELECT state -> 'presets' ->> '/and/1' FROM brickwork.saved_views WHERE name = 'Won, biggest first'"))
                .isEqualTo("thisMonth");
        page.context().close();

        // the rep opens the link: the same view, over the records the rep may read
        Page repsPage = browser.signedIn(rep, "en-US", 1280);
        repsPage.navigate(link);
        expect(repsPage.getByTestId("view-picker")).containsText("Won, biggest first");
        expect(repsPage.getByTestId("view-modified")).hasCount(0);
        JsonPath expected = People.as(Login.token(rep, StaffBrowser.PASSWORD))
                .queryParam("filter", "{\"field\": \"stage\", \"op\": \"in\", \"value\": [\"won\"]}")
                .queryParam("sort", "-amount").queryParam("limit", "5")
                .get(RECORDS + "opportunity/records").then().statusCode(200).extract().jsonPath();
        Locator rows = repsPage.getByTestId("record-table").locator("tbody tr");
        expect(rows).hasCount(expected.getList("items").size());
        if (!expected.getList("items").isEmpty()) {
            expect(rows.first()).containsText(expected.getString("items[0].fields.name"));
        }
        shot(repsPage, "saved-view-reopened-en");
        repsPage.context().close();
    }

    @Test
    void aKanbanDragChangesTheStageAndARefusedMoveSnapsBack() {
        String name = Db.single("SELECT o.name FROM app_crm.opportunity o JOIN brickwork.users u ON u.id = o.owner"
                + " WHERE u.username = ? AND o.stage IN ('prospecting', 'qualification', 'solution', 'proposal')"
                // a record another class submitted waits for its approval and cannot move meanwhile
                + " AND o.approval IS DISTINCT FROM 'pending'"
                + " ORDER BY o.name LIMIT 1", rep);
        String id = Db.single("SELECT id::text FROM app_crm.opportunity WHERE name = ?", name);
        Page page = browser.signedIn(rep, "en-US", 1600);
        page.navigate(browser.url("/apps/crm/opportunity?type=kanban&group=stage&q=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8)));
        Locator card = page.locator("[data-record='" + id + "']");
        Locator negotiation = page.getByTestId("kanban-column-negotiation");
        expect(card).isVisible();
        shot(page, "kanban-en");

        // the board scrolls sideways: the target column is brought into view first, as a person would
        negotiation.scrollIntoViewIfNeeded();
        card.dragTo(negotiation);
        expect(negotiation.locator("[data-record='" + id + "']")).isVisible();
        expect(negotiation.getByTestId("kanban-count")).hasText("1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Db.single("SELECT stage FROM app_crm.opportunity WHERE id = ?::uuid", id)).isEqualTo("negotiation"));

        // lost needs a reason: the server refuses, the card goes back and the rep is told why
        page.getByTestId("kanban-column-lost").scrollIntoViewIfNeeded();
        negotiation.locator("[data-record='" + id + "']").dragTo(page.getByTestId("kanban-column-lost"));
        expect(page.locator(".el-message--error")).containsText("lost reason");
        expect(negotiation.locator("[data-record='" + id + "']")).isVisible();
        expect(page.getByTestId("kanban-column-lost").locator("[data-record='" + id + "']")).hasCount(0);
        assertThat(Db.single("SELECT stage FROM app_crm.opportunity WHERE id = ?::uuid", id)).isEqualTo("negotiation");
        shot(page, "kanban-refused-en");
        page.context().close();
    }

    @Test
    void aManagerHandsTickedOpportunitiesToARep() {
        // the rep's own manager: the rep is in the scope of their hand-overs
        String manager = Db.single("SELECT m.username FROM brickwork.users u JOIN brickwork.departments d ON d.id = u.department_id"
                + " JOIN brickwork.users m ON m.id = d.manager_id WHERE u.username = ?", rep);
        String repName = Db.single("SELECT display_name FROM brickwork.users WHERE username = ?", rep);
        Page page = browser.signedIn(manager, "en-US", 1280);
        page.navigate(browser.url("/apps/crm/opportunity"));
        Locator rows = page.getByTestId("record-table").locator("tbody tr");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rows.nth(i).locator(".el-checkbox").click();
            names.add(rows.nth(i).locator("td").nth(1).innerText().strip());
        }
        expect(page.getByTestId("bulk-count")).containsText("2 selected");
        page.getByTestId("bulk-hand-over").click();
        choose(page, page.getByTestId("bulk-owner"), repName, repName);
        page.getByTestId("bulk-apply").click();
        expect(page.getByTestId("bulk-result")).containsText("2 of 2");
        shot(page, "bulk-hand-over-en");
        // the result stays until it is read; then the list reloads and the selection is gone
        page.getByTestId("bulk-result-close").click();
        expect(page.getByTestId("bulk-bar")).hasCount(0);
        for (String name : names) {
            assertThat(Db.single("SELECT u.username FROM app_crm.opportunity o JOIN brickwork.users u ON u.id = o.owner"
                    + " WHERE o.name = ?", name)).isEqualTo(rep);
        }
        page.context().close();
    }
}
