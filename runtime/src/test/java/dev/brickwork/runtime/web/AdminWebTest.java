package dev.brickwork.runtime.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.restassured.path.json.JsonPath;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.brickwork.runtime.web.StaffBrowser.chooseFirst;
import static dev.brickwork.runtime.web.StaffBrowser.shot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin's screens in the browser: users, the roles' permission matrix, the department tree. */
@QuarkusTest
@TestProfile(WebAppTestBase.CrmWithoutFirstStart.class)
@WithTestResource(TestDatabase.class)
class AdminWebTest extends WebAppTestBase {

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
}
