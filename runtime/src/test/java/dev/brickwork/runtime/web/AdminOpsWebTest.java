package dev.brickwork.runtime.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static dev.brickwork.runtime.web.StaffBrowser.shot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin's operations screens in the browser: "view as" against a real login, API tokens, the audit log filter. */
@QuarkusTest
@TestProfile(WebAppTestBase.CrmWithoutFirstStart.class)
@WithTestResource(TestDatabase.class)
class AdminOpsWebTest extends WebAppTestBase {

    @Test
    void theViewAsPreviewShowsWhatTheUsersOwnLoginThenSees() {
        // given: the rep's department, which owns some of the customers but not all
        String department = Db.single("SELECT department_id::text FROM brickwork.users WHERE username = ?", rep);
        String path = People.asAdmin().get("/api/v1/directory/departments").then().statusCode(200).extract()
                .path("items.find { it.id == '" + department + "' }.path");
        long inDepartment = Long.parseLong(Db.single("SELECT count(*)::text FROM app_crm.customer c WHERE c.deleted_at IS NULL"
                + " AND c.owner IN (SELECT id FROM brickwork.users WHERE department_id = ?::uuid)", department));
        long everyone = Long.parseLong(Db.single("SELECT count(*)::text FROM app_crm.customer WHERE deleted_at IS NULL"));
        assertThat(inDepartment).isPositive().isLessThan(everyone);
        Page page = browser.signedIn("admin", TestDatabase.adminPassword(), "en-US", 1280);

        // when: a role reads the department's customers, and a new person of that department holds it
        page.getByTestId("user-menu").click();
        page.getByTestId("admin-roles-link").click();
        page.getByTestId("admin-role-new-key").fill("ui_dept_reader");
        page.getByTestId("admin-role-add").click();
        page.getByTestId("scope-customer-read").selectOption("department");
        page.getByTestId("admin-role-save").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> Db.single(
                "SELECT definition::text FROM brickwork.roles WHERE role_key = 'ui_dept_reader'") != null);
        page.getByTestId("user-menu").click();
        page.getByTestId("admin-users-link").click();
        page.getByTestId("admin-user-new").click();
        page.getByTestId("admin-user-username").fill("ui_viewed");
        page.getByTestId("admin-user-display").fill("Viewed Person");
        page.getByTestId("admin-user-password").fill("viewed-pass-1");
        StaffBrowser.choose(page, page.getByTestId("admin-user-department"), null, path);
        StaffBrowser.chooseAlso(page, page.getByTestId("admin-user-roles"), "ui_dept_reader");
        page.getByTestId("admin-user-save").click();

        // then: "view as" from the user's row says read = department, granted by that role, and counts their records
        page.getByTestId("admin-user-view-as-ui_viewed").click();
        pick(page, "view-as-app", "view-as-app-crm");
        pick(page, "view-as-form", "view-as-form-customer");
        expect(page.getByTestId("view-as-action-read")).hasAttribute("data-scope", "department");
        expect(page.getByTestId("view-as-grant-read-ui_dept_reader")).isVisible();
        expect(page.getByTestId("view-as-action-delete")).hasAttribute("data-scope", "none");
        expect(page.getByTestId("view-as-records")).hasText(String.valueOf(inDepartment));
        shot(page, "admin-view-as-en");
        page.context().close();

        // and the user's own login, in a browser of its own, lists exactly that many customers
        Page theirs = browser.signedIn("ui_viewed", "viewed-pass-1", "en-US", 1280);
        theirs.navigate(browser.url("/apps/crm/customer"));
        expect(theirs.getByTestId("list-total")).hasText(Pattern.compile("(^|\\D)" + inDepartment + "(\\D|$)"));
        theirs.context().close();
    }

    @Test
    void anAdminCreatesATokenSeesTheSecretOnceAndRevokesIt() {
        Page page = browser.signedIn("admin", TestDatabase.adminPassword(), "en-US", 1280);
        page.getByTestId("user-menu").click();
        page.getByTestId("admin-tokens-link").click();
        page.getByTestId("token-new").click();
        page.getByTestId("token-name").fill("ui_erp");
        StaffBrowser.chooseAlso(page, page.getByTestId("token-roles"), "sales_rep");
        page.getByTestId("token-save").click();

        String secret = page.getByTestId("token-secret").inputValue();
        assertThat(secret).startsWith("bwt_");
        given().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(200);
        shot(page, "admin-token-secret-en");
        page.getByTestId("token-done").click();
        expect(page.getByTestId("token-row-ui_erp")).isVisible();
        expect(page.getByTestId("token-status-ui_erp")).hasText("Active");
        assertThat(page.content()).as("the secret is shown once, never in the list").doesNotContain(secret);

        page.getByTestId("token-revoke-ui_erp").click();
        page.locator(".el-message-box").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Revoke")).click();
        expect(page.getByTestId("token-status-ui_erp")).containsText("Revoked");
        expect(page.getByTestId("token-revoke-ui_erp")).hasCount(0);
        given().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(401);
        page.context().close();
    }

    @Test
    void theAuditLogFiltersByActionAndShowsAnEntryAsKeysAndValues() {
        // given: a role change of our own, the newest of its kind
        String role = People.unique("ui_audited");
        People.asAdmin().body("{\"key\": \"" + role + "\", \"permissions\": []}").put("/api/v1/admin/roles/" + role)
                .then().statusCode(200);
        Page page = browser.signedIn("admin", TestDatabase.adminPassword(), "en-US", 1280);
        page.getByTestId("user-menu").click();
        page.getByTestId("admin-audit-link").click();
        expect(page.getByTestId("audit-table").locator("tbody tr").first()).isVisible();

        // when
        page.getByTestId("audit-action").fill("role.changed");
        page.keyboard().press("Escape");
        page.getByTestId("audit-search").click();

        // then: only role changes, the newest ours, its detail readable
        Locator actions = page.getByTestId("audit-action-cell");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> shown = actions.allTextContents().stream().map(String::trim).toList();
            assertThat(shown).isNotEmpty().containsOnly("role.changed");
        });
        page.getByTestId("audit-table").locator(".el-table__expand-icon").first().click();
        Locator detail = page.locator("[data-testid^=audit-detail-]").first();
        expect(detail).containsText(role);
        expect(detail).containsText("permissions");
        shot(page, "admin-audit-en");

        // a malformed record id is shown at the record filter, not as a dump
        page.getByTestId("audit-record").fill("not-an-id");
        page.getByTestId("audit-search").click();
        expect(page.locator(".el-form-item").filter(new Locator.FilterOptions().setHas(page.getByTestId("audit-record")))
                .locator(".el-form-item__error")).isVisible();
        page.context().close();
    }

    /** Opens the select with the test id and clicks the option with the other. */
    private static void pick(Page page, String select, String option) {
        page.getByTestId(select).locator(".el-select__wrapper").click();
        page.getByTestId(option).click();
        page.waitForFunction("![...document.querySelectorAll('.el-select-dropdown')].some(e => e.offsetParent !== null)");
    }
}
