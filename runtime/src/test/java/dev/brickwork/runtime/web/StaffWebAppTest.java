package dev.brickwork.runtime.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.runtime.packages.PackageInstaller;
import dev.brickwork.runtime.samples.CrmApps;
import dev.brickwork.runtime.samples.SampleJob;
import dev.brickwork.runtime.samples.SampleJobs;
import dev.brickwork.runtime.samples.SampleRequest;
import dev.brickwork.templates.samples.SampleGenerators;
import dev.brickwork.templates.samples.SampleSize;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.brickwork.runtime.web.StaffBrowser.choose;
import static dev.brickwork.runtime.web.StaffBrowser.chooseFirst;
import static dev.brickwork.runtime.web.StaffBrowser.shot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff web app in a real browser (issue 13) over the CRM starter with the tiny sample set: a rep creates a
 * customer after the duplicate warning, fills a quote whose totals follow its lines, sees a field appear when its
 * condition holds; a contract above the countersign threshold goes through each approver's inbox; the app speaks
 * Chinese to a Chinese browser, lays out for a phone and offers no action a role does not allow.
 */
@QuarkusTest
@TestProfile(StaffWebAppTest.CrmWithoutFirstStart.class)
@WithTestResource(TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffWebAppTest {

    private static final String APP = "crm";
    private static final String RECORDS = "/api/v1/apps/crm/forms/";

    /** A database of its own (the starter's app key is global); the test installs the starter and the tiny set. */
    public static class CrmWithoutFirstStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("brickwork.starter", "none");
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Inject
    PackageInstaller installer;

    @Inject
    SampleJobs jobs;

    private StaffBrowser browser;
    private String rep;

    @BeforeAll
    void theCrmWithItsTinySampleSet() {
        CrmApps.install(installer, APP);
        SampleJob job = jobs.start(new SampleRequest(APP, SampleGenerators.CRM, SampleSize.TINY, 7), CrmApps.adminId(),
                "admin");
        await().atMost(Duration.ofMinutes(3)).until(() -> job.state() != SampleJob.State.RUNNING);
        assertThat(job.view().state()).as("problem: %s", job.view().problem()).isEqualTo("done");
        // the rep owning the most opportunities, in a department with a manager (the contract flow asks them first)
        rep = Db.single("SELECT u.username FROM brickwork.users u JOIN brickwork.user_roles r ON r.user_id = u.id"
                + " JOIN brickwork.departments d ON d.id = u.department_id"
                + " WHERE r.role_key = 'sales_rep' AND d.manager_id IS NOT NULL ORDER BY"
                + " (SELECT count(*) FROM app_crm.opportunity o WHERE o.owner = u.id) DESC, u.username LIMIT 1");
        browser = new StaffBrowser(root.toString());
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aRepIsWarnedOfADuplicateCustomerThenCreatesANewOne() {
        Page page = browser.signedIn(rep, "en-US", 1280);
        String own = theRepsFirst("customer", "name");
        String others = Db.single("SELECT c.name FROM app_crm.customer c JOIN brickwork.users u ON u.id = c.owner"
                + " WHERE u.username <> ? ORDER BY c.name LIMIT 1", rep);

        page.navigate(browser.url("/apps/crm/customer/new"));
        Locator name = page.getByTestId("field-name").locator("input");
        // their own customer's name: the notice links to it
        name.fill(own);
        name.blur();
        expect(page.getByTestId("duplicates")).isVisible();
        expect(page.getByTestId("duplicates").locator("a")).hasText(own);
        shot(page, "customer-duplicate-en");

        // a colleague's: they are told it exists, not which record it is
        name.fill(others);
        name.blur();
        expect(page.getByTestId("duplicates")).containsText("belongs to someone else");
        expect(page.getByTestId("duplicates").locator("a")).hasCount(0);

        String fresh = "浦江精密仪器 " + System.nanoTime();
        name.fill(fresh);
        name.blur();
        expect(page.getByTestId("duplicates")).isHidden();
        page.getByTestId("save").click();

        expect(page.getByTestId("record-title")).hasText(fresh);
        assertThat(page.url()).matches(".*/apps/crm/customer/[0-9a-f-]{36}$");
        assertThat(Db.single("SELECT u.username FROM app_crm.customer c JOIN brickwork.users u ON u.id = c.owner"
                + " WHERE c.name = ?", fresh)).isEqualTo(rep);
        page.context().close();
    }

    @Test
    void aQuoteTotalsItsLinesAsTheyAreTyped() {
        Page page = browser.signedIn(rep, "en-US", 1280);
        String customer = theRepsFirst("customer", "name");
        String opportunity = "扩容项目 " + System.nanoTime();
        page.navigate(browser.url("/apps/crm/opportunity/new"));
        page.getByTestId("field-name").locator("input").fill(opportunity);
        choose(page, page.getByTestId("field-customer"), customer, customer);
        page.getByTestId("field-amount").locator("input").fill("3601.50");
        Locator closeDate = page.getByTestId("field-expected_close_date").locator("input");
        closeDate.fill("2027-03-31");
        closeDate.press("Enter");
        page.getByTestId("save").click();
        expect(page.getByTestId("record-title")).hasText(opportunity);

        page.navigate(browser.url("/apps/crm/quote/new"));
        choose(page, page.getByTestId("field-opportunity"), opportunity, opportunity);
        page.getByTestId("add-row-items").click();
        Locator row = page.getByTestId("row-0");
        chooseFirst(page, row.getByTestId("field-product"));
        row.getByTestId("field-quantity").locator("input").fill("3");
        row.getByTestId("field-unit_price").locator("input").fill("1200.50");

        // the line and the quote's total come from the server's preview, as the save will compute them
        expect(row.getByTestId("field-line_amount")).containsText("3,601.50");
        expect(page.getByTestId("field-total_amount")).containsText("3,601.50");
        shot(page, "quote-lines-en");

        page.getByTestId("save").click();
        expect(page.getByTestId("record-title")).isVisible();
        String id = page.url().replaceAll(".*/", "");
        assertThat(Db.single("SELECT total_amount::text FROM app_crm.quote WHERE id = ?::uuid", id)).isEqualTo("3601.50");
        page.context().close();
    }

    @Test
    void theLostReasonAppearsOnlyWhenTheOpportunityIsLost() {
        Page page = browser.signedIn(rep, "en-US", 1280);
        page.navigate(browser.url("/apps/crm/opportunity/new"));
        expect(page.getByTestId("field-stage")).isVisible();
        expect(page.getByTestId("field-lost_reason")).hasCount(0);

        choose(page, page.getByTestId("field-stage"), null, "Lost");

        expect(page.getByTestId("field-lost_reason")).isVisible();
        shot(page, "opportunity-lost-en");
        page.context().close();
    }

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

    @Test
    void anAdminCreatesAUserGivesThemARoleAndDisablesThem() {
        Page page = browser.signedIn("admin", dev.brickwork.testing.TestDatabase.adminPassword(), "en-US", 1280);
        page.getByTestId("user-menu").click();
        page.getByTestId("admin-users-link").click();
        expect(page.getByTestId("admin-user-table")).containsText(rep);

        page.getByTestId("admin-user-new").click();
        page.getByTestId("admin-user-username").fill("ui_newcomer");
        page.getByTestId("admin-user-display").fill("New Comer");
        page.getByTestId("admin-user-password").fill("newcomer-pass-1");
        chooseFirst(page, page.getByTestId("admin-user-department"));
        StaffBrowser.chooseAlso(page, page.getByTestId("admin-user-roles"), "sales_rep");
        page.getByTestId("admin-user-save").click();
        Locator row = page.getByTestId("admin-user-table").locator("tbody tr").filter(new Locator.FilterOptions().setHasText("ui_newcomer"));
        expect(row).containsText("sales_rep");
        assertThat(Login.token("ui_newcomer", "newcomer-pass-1")).isNotBlank();
        shot(page, "admin-users-en");

        page.getByTestId("admin-user-toggle-ui_newcomer").click();
        expect(row).containsText("Disabled");
        assertThat(Db.single("SELECT disabled::text FROM brickwork.users WHERE username = 'ui_newcomer'")).isEqualTo("true");
        page.context().close();

        // a rep has no way to the admin screens: no link, and the path sends them home
        Page repsPage = browser.signedIn(rep, "en-US", 1280);
        repsPage.getByTestId("user-menu").click();
        expect(repsPage.getByTestId("admin-users-link")).hasCount(0);
        repsPage.navigate(browser.url("/admin/users"));
        expect(repsPage.getByTestId("home")).isVisible();
        repsPage.context().close();
    }

    @Test
    void anAdminMakesARoleInThePermissionMatrix() {
        Page page = browser.signedIn("admin", dev.brickwork.testing.TestDatabase.adminPassword(), "en-US", 1280);
        page.getByTestId("user-menu").click();
        page.getByTestId("admin-roles-link").click();
        page.getByTestId("admin-role-new-key").fill("ui_auditor");
        page.getByTestId("admin-role-add").click();
        page.getByTestId("scope-customer-read").selectOption("all");
        page.getByTestId("scope-contract-read").selectOption("department");
        shot(page, "admin-roles-en");
        page.getByTestId("fields-customer").click();
        page.getByTestId("field-access-uscc").getByText("Hidden").click();
        page.keyboard().press("Escape");
        expect(page.getByTestId("fields-customer")).containsText("1");
        page.getByTestId("admin-role-save").click();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Db.single("SELECT definition::text FROM brickwork.roles WHERE role_key = 'ui_auditor'")).isNotNull());
        JsonPath role = People.asAdmin().get("/api/v1/admin/roles/ui_auditor").then().statusCode(200).extract().jsonPath();
        assertThat(role.getString("permissions.find { it.form == 'customer' }.actions.read")).isEqualTo("all");
        assertThat(role.getString("permissions.find { it.form == 'customer' }.fields.uscc")).isEqualTo("hidden");
        assertThat(role.getString("permissions.find { it.form == 'contract' }.actions.read")).isEqualTo("department");
        assertThat(role.getList("permissions")).as("forms the role says nothing of are left out").hasSize(2);
        page.context().close();
    }

    @Test
    void anAdminMovesADepartmentByDraggingItButNotUnderItsOwnChild() {
        Page page = browser.signedIn("admin", dev.brickwork.testing.TestDatabase.adminPassword(), "en-US", 1280);
        page.getByTestId("user-menu").click();
        page.getByTestId("admin-departments-link").click();
        for (String name : List.of("界面甲部", "界面乙部")) {
            page.getByTestId("department-new-name").fill(name);
            page.getByTestId("department-add").click();
            expect(page.getByTestId("department-" + name)).isVisible();
        }
        page.getByTestId("department-界面乙部").dragTo(page.getByTestId("department-界面甲部"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "界面甲部".equals(Db.single("SELECT p.name FROM brickwork.departments d"
                + " JOIN brickwork.departments p ON p.id = d.parent_id WHERE d.name = '界面乙部'")));
        shot(page, "admin-departments-en");

        // under its own child: the tree does not take the drop (the server would refuse it too), and nothing moves
        page.getByTestId("department-界面甲部").dragTo(page.getByTestId("department-界面乙部"));
        expect(page.getByTestId("department-tree").locator(".el-tree-node").filter(new Locator.FilterOptions().setHasText("界面甲部"))
                .first()).containsText("界面乙部");
        assertThat(Db.single("SELECT coalesce(parent_id::text, 'top') FROM brickwork.departments WHERE name = '界面甲部'")).isEqualTo("top");
        page.context().close();
    }

    @Test
    void aKanbanDragChangesTheStageAndARefusedMoveSnapsBack() {
        String name = Db.single("SELECT o.name FROM app_crm.opportunity o JOIN brickwork.users u ON u.id = o.owner"
                + " WHERE u.username = ? AND o.stage IN ('prospecting', 'qualification', 'solution', 'proposal')"
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
    void aBigContractIsCountersignedThroughEachApproversInbox() {
        String token = Login.token(rep, StaffBrowser.PASSWORD);
        String customer = theRepsFirst("customer", "id");
        String title = "Countersign " + System.nanoTime();
        String contract = People.as(token).body("""
                {"fields": {"name": "%s", "customer": "%s", "amount": "660000", "sign_date": "2026-12-01"}}"""
                .formatted(title, customer)).post(RECORDS + "contract/records").then().statusCode(201).extract().path("id");

        // the rep submits from the record
        Page page = browser.signedIn(rep, "en-US", 1280);
        page.navigate(browser.url("/apps/crm/contract/" + contract));
        page.locator("#tab-approval").click();
        page.getByTestId("approval-submit").click();
        expect(page.getByTestId("approval-state")).hasText("Waiting for approval");
        page.context().close();

        // each person asked approves from their inbox, until nobody is left to ask
        List<String> steps = new ArrayList<>();
        for (int turn = 0; turn < 8 && "pending".equals(approval(contract).getString("state")); turn++) {
            JsonPath approval = approval(contract);
            String step = approval.getString("current[0].step");
            String approver = Db.single("SELECT username FROM brickwork.users WHERE id = ?::uuid",
                    approval.getString("current[0].assignee.id"));
            steps.add(step);
            approveFromTheInbox(approver, title, turn == 0);
            int asked = approval.getList("current").size();
            await().atMost(Duration.ofSeconds(20)).until(() -> !"pending".equals(approval(contract).getString("state"))
                    || approval(contract).getList("current").size() != asked
                    || !step.equals(approval(contract).getString("current[0].step")));
        }

        assertThat(approval(contract).getString("state")).isEqualTo("approved");
        assertThat(steps).containsExactly("supervisor", "finance", "countersign", "countersign", "countersign");
        await().atMost(Duration.ofSeconds(20)).until(() -> "active".equals(
                Db.single("SELECT status FROM app_crm.contract WHERE id = ?::uuid", contract)));

        // the record's timeline shows each decision with its comment
        Page after = browser.signedIn(rep, "en-US", 1280);
        after.navigate(browser.url("/apps/crm/contract/" + contract));
        after.locator("#tab-timeline").click();
        expect(after.getByTestId("timeline").locator("blockquote")).hasCount(steps.size());
        expect(after.getByTestId("timeline")).containsText("OK from ");
        // steps by the names the flow gives them, in the reader's language
        expect(after.getByTestId("timeline")).containsText("Countersign (legal, finance, sales director)");
        assertThat(approval(contract).getString("steps.countersign.zh-CN")).isEqualTo("会签（法务、财务、销售总监）");
        shot(after, "contract-timeline-en");
        after.context().close();
    }

    @Test
    void aChineseBrowserGetsTheAppInChinese() {
        Page page = browser.signedIn(rep, "zh-CN", 1280);
        expect(page.getByTestId("home")).isVisible();
        page.navigate(browser.url("/apps/crm/customer"));
        expect(page.getByTestId("nav-customer")).containsText("客户");
        expect(page.getByTestId("new-record")).containsText("新建");
        expect(page.getByTestId("record-table")).containsText("客户名称");
        shot(page, "customers-zh");

        page.getByTestId("new-record").click();
        expect(page.getByTestId("save")).containsText("保存");
        shot(page, "customer-form-zh");
        page.context().close();
    }

    @Test
    void onAPhoneRecordsAreCardsAndTheFormsBehindAMenu() {
        Page page = browser.signedIn(rep, "zh-CN", 390);
        page.navigate(browser.url("/apps/crm/customer"));
        expect(page.getByTestId("record-cards")).isVisible();
        expect(page.getByTestId("record-card").first()).isVisible();
        expect(page.getByTestId("record-table")).hasCount(0);
        expect(page.getByTestId("form-nav")).isHidden();
        shot(page, "customers-phone-zh");

        page.getByTestId("menu").click();
        page.getByTestId("drawer-nav-contact").click();
        expect(page.getByTestId("form-nav-drawer")).isHidden();
        expect(page.getByTestId("record-card").first()).isVisible();
        assertThat(page.url()).endsWith("/apps/crm/contact");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isTrue();

        // a record form in one column, and the inbox, on the same phone
        page.navigate(browser.url("/apps/crm/customer/new"));
        Locator name = page.getByTestId("field-name");
        Locator type = page.getByTestId("field-type");
        expect(type).isVisible();
        assertThat(type.boundingBox().y).as("one column: the next field is below, not beside").isGreaterThan(name.boundingBox().y);
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        shot(page, "customer-form-phone-zh");
        page.getByTestId("my-tasks").click();
        expect(page.getByTestId("inbox")).isVisible();
        expect(page.getByTestId("task-table")).hasCount(0);
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        shot(page, "inbox-phone-zh");
        page.context().close();
    }

    @Test
    void whatARoleDoesNotAllowIsNotOffered() {
        Page page = browser.signedIn(rep, "en-US", 1280);
        // products: read only for reps, and the cost price hidden from them
        page.navigate(browser.url("/apps/crm/product"));
        expect(page.getByTestId("record-table")).isVisible();
        expect(page.getByTestId("new-record")).hasCount(0);
        page.getByTestId("record-table").locator("tbody tr").first().click();
        expect(page.getByTestId("record-fields")).isVisible();
        expect(page.getByTestId("value-cost_price")).hasCount(0);
        expect(page.getByTestId("edit-record")).hasCount(0);

        // their own customer: editable, but reps never delete
        String customer = theRepsFirst("customer", "id");
        page.navigate(browser.url("/apps/crm/customer/" + customer));
        expect(page.getByTestId("edit-record")).isVisible();
        expect(page.getByTestId("delete-record")).hasCount(0);
        page.context().close();
    }

    @Test
    void loggingOutEndsTheSessionAndReturnsToTheLogin() {
        Page page = browser.signedIn(rep, "en-US", 1280);
        String token = (String) page.evaluate("localStorage.getItem('brickwork.token')");
        page.getByTestId("user-menu").click();
        page.getByTestId("logout").click();
        expect(page.getByTestId("login-submit")).isVisible();
        People.as(token).get("/api/v1/me").then().statusCode(401);

        page.navigate(browser.url("/apps/crm/customer"));
        expect(page.getByTestId("login-submit")).isVisible();
        assertThat(page.url()).contains("/login");
        page.context().close();
    }

    private void approveFromTheInbox(String approver, String title, boolean screenshot) {
        Page page = browser.signedIn(approver, "en-US", 1280);
        page.getByTestId("my-tasks").click();
        Locator task = page.getByTestId("task-table").locator("tbody tr").filter(new Locator.FilterOptions().setHasText(title));
        expect(task).hasCount(1);
        if (screenshot) {
            shot(page, "inbox-en");
        }
        task.click();
        expect(page.getByTestId("approval-panel")).isVisible();
        shot(page, "approval-" + approver);
        page.getByTestId("approval-comment").fill("OK from " + approver);
        page.getByTestId("approval-approve").click();
        expect(page.getByTestId("approval-history")).containsText("OK from " + approver);
        page.context().close();
    }

    /** A column of the rep's first record of a form, by name (every starter form used here has one). */
    private String theRepsFirst(String form, String column) {
        return Db.single("SELECT t." + column + "::text FROM app_crm." + form + " t JOIN brickwork.users u ON u.id = t.owner"
                + " WHERE u.username = ? ORDER BY t.name LIMIT 1", rep);
    }

    private static JsonPath approval(String contract) {
        return People.asAdmin().get(RECORDS + "contract/records/" + contract + "/approval").then().statusCode(200)
                .extract().jsonPath();
    }

    private static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }
}
