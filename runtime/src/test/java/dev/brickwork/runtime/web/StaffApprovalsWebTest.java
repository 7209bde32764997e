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

import static dev.brickwork.runtime.web.StaffBrowser.shot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A contract above the countersign threshold goes through each approver's inbox in the browser, and its timeline shows each decision. */
@QuarkusTest
@TestProfile(WebAppTestBase.CrmWithoutFirstStart.class)
@WithTestResource(TestDatabase.class)
class StaffApprovalsWebTest extends WebAppTestBase {

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

    private static JsonPath approval(String contract) {
        return People.asAdmin().get(RECORDS + "contract/records/" + contract + "/approval").then().statusCode(200)
                .extract().jsonPath();
    }
}
