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

import static dev.brickwork.runtime.web.StaffBrowser.choose;
import static dev.brickwork.runtime.web.StaffBrowser.chooseFirst;
import static dev.brickwork.runtime.web.StaffBrowser.shot;
import static org.assertj.core.api.Assertions.assertThat;

/** A rep works records in the browser: a duplicate warning before a new customer, a quote whose totals follow its lines, a field that appears with its condition, Chinese for a Chinese browser, cards and a menu on a phone, no action a role lacks, logout. */
@QuarkusTest
@TestProfile(WebAppTestBase.CrmWithoutFirstStart.class)
@WithTestResource(TestDatabase.class)
class StaffRecordsWebTest extends WebAppTestBase {

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
}
