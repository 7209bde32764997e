package dev.brickwork.runtime.crm;

import dev.brickwork.runtime.FixedClock;
import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static dev.brickwork.runtime.crm.CrmDesk.approve;
import static dev.brickwork.runtime.crm.CrmDesk.awaitField;
import static dev.brickwork.runtime.crm.CrmDesk.create;
import static dev.brickwork.runtime.crm.CrmDesk.number;
import static dev.brickwork.runtime.crm.CrmDesk.patch;
import static dev.brickwork.runtime.crm.CrmDesk.read;
import static dev.brickwork.runtime.crm.CrmDesk.stepOf;
import static dev.brickwork.runtime.crm.CrmDesk.submit;
import static dev.brickwork.runtime.crm.CrmDesk.taskOn;
import static dev.brickwork.runtime.crm.CrmDesk.tasksOn;
import static dev.brickwork.runtime.crm.CrmDesk.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The CRM starter end to end, through the API only (issue 12): installed as a package without sample data, a 华东
 * rep's lead becomes (by hand) a customer with a contact and an opportunity, a quote whose largest line discount
 * needs the manager and the sales director, a contract above the countersign threshold approved by each approver in
 * turn, payment plans, and payments confirmed by finance (a refund by the manager and the finance manager); every
 * roll-up and formula on the way is read back. The server's clock stands at {@link FixedClock#NOW} (2026-06-15)
 * until the plans fall due.
 */
@QuarkusTest
@TestProfile(CrmStarter.class)
@WithTestResource(TestDatabase.class)
class CrmEndToEndTest {

    private CrmCompany company;
    private String rep;

    @AfterEach
    void putTheClockBack() {
        FixedClock.reset();
    }

    @Test
    void aLeadBecomesACountersignedContractWhosePaymentsAreConfirmedAndEveryTotalFollows() {
        company = new CrmCompany();
        rep = company.rep.token();

        String lead = aLeadAssignedAnHourAndAHalfAgo();
        String customer = customerOf(lead);
        String contact = contactAt(customer);
        String opportunity = opportunityFor(customer, contact, lead);
        convert(lead, customer, contact, opportunity);

        String quote = quoteWithALineDiscountOfAQuarter(opportunity, customer, contact);
        discountApprovedByTheManagerAndTheSalesDirector(quote);

        String contract = contractAboveTheCountersignThreshold(customer, opportunity, quote, contact);
        approvedByEachApproverInTurn(contract, customer);
        won(opportunity, customer);

        String[] plans = twoPaymentPlans(contract, customer);
        overdueSevenWeeksLater(plans);
        paymentsConfirmedThroughTheFlow(contract, customer, plans);
    }

    private String aLeadAssignedAnHourAndAHalfAgo() {
        String lead = create(rep, "lead", """
                {"name": "王磊", "company_name": "上海星辰科技有限公司", "title": "信息部经理", "mobile": "13812345678",
                 "region": "east", "province": "上海", "city": "上海", "source": "trade_show", "industry": "it",
                 "rating": "hot", "status": "assigned", "expected_amount": "800000", "assigned_at": "2026-06-15T08:00:00Z"}""");
        JsonPath read = read("lead", lead);
        assertThat(read.getString("fields.lead_no")).isEqualTo("XS202606150001");
        assertThat(Instant.parse(read.getString("fields.response_due"))).isEqualTo(Instant.parse("2026-06-15T10:00:00Z"));
        return lead;
    }

    private String customerOf(String lead) {
        String customer = create(rep, "customer", """
                {"name": "上海星辰科技有限公司", "short_name": "星辰科技", "type": "customer", "level": "A", "industry": "it",
                 "source": "trade_show", "region": "east", "province": "上海", "city": "上海", "telephone": "021-61234567"}""");
        assertThat(text("customer", customer, "customer_no")).isEqualTo("KH202600001");
        assertThat(text("customer", customer, "status")).isEqualTo("potential");
        expectCustomer(customer, "0", "0", "0", "0");
        assertThat(lead).isNotEqualTo(customer);
        return customer;
    }

    private String contactAt(String customer) {
        String contact = create(rep, "contact", """
                {"name": "王磊", "customer": "%s", "title": "信息部经理", "role": "decision_maker", "mobile": "13812345678"}"""
                .formatted(customer));
        patch(rep, "customer", customer, "{\"primary_contact\": \"" + contact + "\"}").statusCode(200);
        assertThat(text("customer", customer, "primary_contact")).isEqualTo(contact);
        return contact;
    }

    private String opportunityFor(String customer, String contact, String lead) {
        String opportunity = create(rep, "opportunity", """
                {"name": "星辰 ERP 项目", "customer": "%s", "primary_contact": "%s", "lead": "%s", "source": "trade_show",
                 "amount": "660000", "stage": "proposal", "expected_close_date": "2026-07-31",
                 "stage_entered_at": "2026-06-01T09:30:00Z"}""".formatted(customer, contact, lead));
        assertThat(text("opportunity", opportunity, "opp_no")).isEqualTo("SJ20260615001");
        expectOpportunity(opportunity, "0.6", "0.6", "396000");
        assertThat(number("opportunity", opportunity, "days_in_stage")).isEqualByComparingTo("14");
        assertThat(number("opportunity", opportunity, "quote_count")).isEqualByComparingTo("0");
        assertThat(number("customer", customer, "open_opps")).isEqualByComparingTo("1");

        // the rep's own estimate wins over the stage's until it is cleared
        patch(rep, "opportunity", opportunity, "{\"probability_override\": \"0.7\"}").statusCode(200);
        expectOpportunity(opportunity, "0.6", "0.7", "462000");
        // a lost opportunity needs a reason: refused, nothing written
        patch(rep, "opportunity", opportunity, "{\"stage\": \"lost\"}").statusCode(422)
                .body("errors[0].pointer", equalTo("/fields/lost_reason"));
        assertThat(text("opportunity", opportunity, "stage")).isEqualTo("proposal");
        return opportunity;
    }

    private void convert(String lead, String customer, String contact, String opportunity) {
        patch(rep, "lead", lead, """
                {"status": "converted", "converted_customer": "%s", "converted_contact": "%s", "converted_opportunity": "%s",
                 "converted_at": "2026-06-15T09:30:00Z"}""".formatted(customer, contact, opportunity)).statusCode(200);
        assertThat(text("lead", lead, "status")).isEqualTo("converted");
        assertThat(text("lead", lead, "converted_opportunity")).isEqualTo(opportunity);
        sameMobileAsTheContactRefusedForANewLead(contact);
    }

    /** Leads are checked against contacts and customers too (CRM-TEMPLATE §1): the same person cannot come in twice. */
    private void sameMobileAsTheContactRefusedForANewLead(String contact) {
        People.as(rep).body("""
                {"fields": {"name": "王先生", "company_name": "星辰科技（中国）有限公司", "mobile": "+86 138-1234-5678",
                 "source": "web_inquiry", "status": "new"}}""").post(CrmDesk.RECORDS.formatted("lead")).then()
                .statusCode(409)
                .body("errors.find { it.message.contains(\"'contact'\") }.blockedBy[0].id", equalTo(contact));
        // a company already a customer is only a warning
        String lead = create(rep, "lead", """
                {"name": "赵敏", "company_name": "上海星辰科技股份有限公司", "mobile": "13900001111", "source": "web_inquiry",
                 "status": "new"}""");
        assertThat(lead).isNotBlank();
    }

    /** Lines at 10 % and 25 % off list: overall 17.5 %, but the largest line discount (25 %) sets the tier. */
    private String quoteWithALineDiscountOfAQuarter(String opportunity, String customer, String contact) {
        String erp = product("ERP 标准版", "software", "set", "1000", "0.13");
        String service = product("实施服务", "service", "man_day", "2000", "0.06");
        String quote = create(rep, "quote", """
                {"opportunity": "%s", "customer": "%s", "contact": "%s", "valid_until": "2026-07-15", "items": [%s]}"""
                .formatted(opportunity, customer, contact, lines(erp, service)));
        JsonPath read = read("quote", quote);
        assertThat(read.getString("fields.quote_no")).isEqualTo("BJ20260615001");
        assertThat(read.getString("fields.status")).isEqualTo("draft");
        assertThat(new BigDecimal(read.getString("fields.revision"))).isEqualByComparingTo("1");
        expectLines(read);
        assertThat(decimal(read, "list_total")).isEqualByComparingTo("800000");
        assertThat(decimal(read, "total_amount")).isEqualByComparingTo("660000");
        assertThat(decimal(read, "overall_discount")).isEqualByComparingTo("0.175");
        assertThat(decimal(read, "max_line_discount")).isEqualByComparingTo("0.25");
        assertThat(number("opportunity", opportunity, "quote_count")).isEqualByComparingTo("1");
        return quote;
    }

    private void discountApprovedByTheManagerAndTheSalesDirector(String quote) {
        submit(rep, "quote", quote).statusCode(200).body("approval", equalTo("pending"));
        awaitField("quote", quote, "status", "pending_approval");

        String managers = taskOn(company.eastManager.token(), quote);
        assertThat(stepOf(company.eastManager.token(), managers)).isEqualTo("manager");
        approve(company.eastManager.token(), managers).statusCode(200).body("record.approval", equalTo("pending"));

        String directors = taskOn(company.salesDirector.token(), quote);
        assertThat(stepOf(company.salesDirector.token(), directors)).isEqualTo("director");
        assertThat(tasksOn(company.gm.token(), quote)).as("25 % is not above 30 %: no GM").isEmpty();
        assertThat(tasksOn(company.finance.token(), quote)).as("below ¥1M: no finance").isEmpty();
        approve(company.salesDirector.token(), directors).statusCode(200).body("record.approval", equalTo("approved"));

        awaitField("quote", quote, "status", "approved");
        assertThat(read("quote", quote).getString("approval")).isEqualTo("approved");
    }

    private String contractAboveTheCountersignThreshold(String customer, String opportunity, String quote, String contact) {
        JsonPath quoted = read("quote", quote);
        String erp = quoted.getString("fields.items[0].product");
        String service = quoted.getString("fields.items[1].product");
        String contract = create(rep, "contract", """
                {"name": "星辰 ERP 项目合同", "customer": "%s", "opportunity": "%s", "quote": "%s", "type": "direct",
                 "amount": "660000", "items": [%s], "sign_date": "2026-06-15", "start_date": "2026-07-01",
                 "end_date": "2027-06-30", "customer_signer": "%s", "company_signer": "%s", "payment_method": "wire"}"""
                .formatted(customer, opportunity, quote, lines(erp, service), contact, company.rep.id()));
        JsonPath read = read("contract", contract);
        assertThat(read.getString("fields.contract_no")).isEqualTo("HT2026060001");
        assertThat(read.getString("fields.status")).isEqualTo("draft");
        expectLines(read);
        expectContract(contract, "0", "660000", "0");
        // a draft contract is not yet in the customer's contract total
        expectCustomer(customer, "0", "0", "0", "1");
        return contract;
    }

    /** ¥660,000: the owner's manager, finance, then legal, finance and the sales director countersign; no GM. */
    private void approvedByEachApproverInTurn(String contract, String customer) {
        submit(rep, "contract", contract).statusCode(200).body("approval", equalTo("pending"));
        awaitField("contract", contract, "status", "in_approval");
        expectCustomer(customer, "0", "0", "0", "1");

        decide(company.eastManager, contract, "supervisor", "pending");
        decide(company.finance, contract, "finance", "pending");
        decide(company.legal, contract, "countersign", "pending");
        decide(company.finance, contract, "countersign", "pending");
        assertThat(tasksOn(company.gm.token(), contract)).as("below ¥2M: no GM").isEmpty();
        decide(company.salesDirector, contract, "countersign", "approved");

        awaitField("contract", contract, "status", "active");
        expectContract(contract, "0", "660000", "0");
        expectCustomer(customer, "660000", "0", "660000", "1");
    }

    private void won(String opportunity, String customer) {
        patch(rep, "opportunity", opportunity, """
                {"stage": "won", "probability_override": null, "actual_close_date": "2026-06-15"}""").statusCode(200);
        expectOpportunity(opportunity, "1", "1", "660000");
        assertThat(number("customer", customer, "open_opps")).isEqualByComparingTo("0");
    }

    private String[] twoPaymentPlans(String contract, String customer) {
        String first = plan(contract, customer, 1, "2026-06-30", "300000");
        String second = plan(contract, customer, 2, "2026-09-30", "360000");
        expectPlan(first, "0", "300000", "pending", "0", null);
        expectPlan(second, "0", "360000", "pending", "0", null);
        assertThat(text("payment_plan", first, "remind_date")).isEqualTo("2026-06-27");
        assertThat(text("payment_plan", second, "remind_date")).isEqualTo("2026-09-27");
        // the plan looks its contract's amount and status up: the ratio is its share of the contract
        assertThat(number("payment_plan", first, "contract_amount")).isEqualByComparingTo("660000");
        assertThat(text("payment_plan", first, "contract_status")).isEqualTo("active");
        assertThat(number("payment_plan", first, "planned_ratio").setScale(4, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("0.4545");
        expectContract(contract, "0", "660000", "660000");
        return new String[] {first, second};
    }

    /** On 2026-08-15 the first plan is 46 days overdue; the second is not due yet. */
    private void overdueSevenWeeksLater(String[] plans) {
        FixedClock.set(Instant.parse("2026-08-15T09:30:00Z"));
        expectPlan(plans[0], "0", "300000", "overdue", "46", "31-60");
        expectPlan(plans[1], "0", "360000", "pending", "0", null);
    }

    private void paymentsConfirmedThroughTheFlow(String contract, String customer, String[] plans) {
        String first = payment(contract, customer, plans[0], "receipt", "300000", "2026-08-14", "BS-20260814-001");
        assertThat(text("payment", first, "payment_no")).isEqualTo("HK202608150001");
        submit(rep, "payment", first).statusCode(200);
        awaitField("payment", first, "status", "in_approval");
        // not confirmed yet: nothing is received
        expectPlan(plans[0], "0", "300000", "overdue", "46", "31-60");
        decide(company.finance, first, "finance", "approved");
        awaitField("payment", first, "status", "confirmed");
        expectPlan(plans[0], "300000", "0", "completed", "0", null);
        expectContract(contract, "300000", "360000", "660000");
        expectCustomer(customer, "660000", "300000", "360000", "0");

        String second = payment(contract, customer, plans[1], "receipt", "100000", "2026-08-15", "BS-20260815-001");
        submit(rep, "payment", second).statusCode(200);
        decide(company.finance, second, "finance", "approved");
        awaitField("payment", second, "status", "confirmed");
        expectPlan(plans[1], "100000", "260000", "partial", "0", null);

        // a refund counts negative, and goes to the owner's manager and the finance manager (below ¥50k: no GM)
        String refund = payment(contract, customer, plans[1], "refund", "20000", "2026-08-15", "BS-20260815-002");
        assertThat(number("payment", refund, "signed_amount")).isEqualByComparingTo("-20000");
        submit(rep, "payment", refund).statusCode(200);
        decide(company.eastManager, refund, "refund_manager", "pending");
        decide(company.financeManager, refund, "refund_finance_manager", "approved");
        awaitField("payment", refund, "status", "confirmed");
        expectPlan(plans[1], "80000", "280000", "partial", "0", null);
        expectContract(contract, "380000", "280000", "660000");
        expectCustomer(customer, "660000", "380000", "280000", "0");
    }

    // --- the records of the walk

    private static String product(String name, String category, String unit, String listPrice, String taxRate) {
        return create(Login.admin(), "product", """
                {"name": "%s", "category": "%s", "unit": "%s", "list_price": "%s", "cost_price": "400", "tax_rate": "%s",
                 "status": "active"}""".formatted(name, category, unit, listPrice, taxRate));
    }

    /** 400 sets at 900 of 1000 (10 % off), 200 man-days at 1500 of 2000 (25 % off). */
    private static String lines(String erp, String service) {
        return """
                {"product": "%s", "product_name": "ERP 标准版", "unit": "set", "quantity": "400", "list_price": "1000",
                 "unit_price": "900", "tax_rate": "0.13"},
                {"product": "%s", "product_name": "实施服务", "unit": "man_day", "quantity": "200", "list_price": "2000",
                 "unit_price": "1500", "tax_rate": "0.06"}""".formatted(erp, service);
    }

    private String plan(String contract, String customer, int period, String date, String amount) {
        return create(rep, "payment_plan", """
                {"contract": "%s", "customer": "%s", "period_no": %d, "planned_date": "%s", "planned_amount": "%s",
                 "payment_method": "wire"}""".formatted(contract, customer, period, date, amount));
    }

    private String payment(String contract, String customer, String plan, String type, String amount, String date,
                           String serial) {
        return create(rep, "payment", """
                {"contract": "%s", "payment_plan": "%s", "customer": "%s", "type": "%s", "amount": "%s",
                 "received_date": "%s", "payment_method": "wire", "bank_serial_no": "%s"}"""
                .formatted(contract, plan, customer, type, amount, date, serial));
    }

    /** The approver's one task on the record is at {@code step}; approving it leaves the record {@code approval}. */
    private static void decide(CrmCompany.Person approver, String record, String step, String approval) {
        String task = taskOn(approver.token(), record);
        assertThat(stepOf(approver.token(), task)).isEqualTo(step);
        approve(approver.token(), task).statusCode(200).body("record.approval", equalTo(approval));
    }

    // --- what the forms compute, read back

    private static void expectLines(JsonPath record) {
        assertThat(decimal(record, "items[0].discount_rate")).isEqualByComparingTo("0.1");
        assertThat(decimal(record, "items[0].list_amount")).isEqualByComparingTo("400000");
        assertThat(decimal(record, "items[0].line_amount")).isEqualByComparingTo("360000");
        assertThat(decimal(record, "items[1].discount_rate")).isEqualByComparingTo("0.25");
        assertThat(decimal(record, "items[1].list_amount")).isEqualByComparingTo("400000");
        assertThat(decimal(record, "items[1].line_amount")).isEqualByComparingTo("300000");
    }

    private static void expectOpportunity(String id, String stageProbability, String probability, String weighted) {
        JsonPath read = read("opportunity", id);
        assertThat(decimal(read, "stage_probability")).isEqualByComparingTo(stageProbability);
        assertThat(decimal(read, "probability")).isEqualByComparingTo(probability);
        assertThat(decimal(read, "weighted_amount")).isEqualByComparingTo(weighted);
    }

    private static void expectCustomer(String id, String contracts, String received, String balance, String openOpps) {
        JsonPath read = read("customer", id);
        assertThat(decimal(read, "contract_total")).as("contract_total").isEqualByComparingTo(contracts);
        assertThat(decimal(read, "received_total")).as("received_total").isEqualByComparingTo(received);
        assertThat(decimal(read, "receivable_balance")).as("receivable_balance").isEqualByComparingTo(balance);
        assertThat(decimal(read, "open_opps")).as("open_opps").isEqualByComparingTo(openOpps);
    }

    private static void expectContract(String id, String received, String unreceived, String planned) {
        JsonPath read = read("contract", id);
        assertThat(decimal(read, "received_amount")).as("received_amount").isEqualByComparingTo(received);
        assertThat(decimal(read, "unreceived_amount")).as("unreceived_amount").isEqualByComparingTo(unreceived);
        assertThat(decimal(read, "planned_total")).as("planned_total").isEqualByComparingTo(planned);
    }

    private static void expectPlan(String id, String received, String unreceived, String status, String overdueDays,
                                   String agingBucket) {
        JsonPath read = read("payment_plan", id);
        assertThat(decimal(read, "received_amount")).as("received_amount").isEqualByComparingTo(received);
        assertThat(decimal(read, "unreceived_amount")).as("unreceived_amount").isEqualByComparingTo(unreceived);
        assertThat(read.getString("fields.status")).as("status").isEqualTo(status);
        assertThat(decimal(read, "overdue_days")).as("overdue_days").isEqualByComparingTo(overdueDays);
        assertThat(read.getString("fields.aging_bucket")).as("aging_bucket").isEqualTo(agingBucket);
    }

    /** A numeric field of a record read back; an empty roll-up or sum reads as 0 only if the server says 0. */
    private static BigDecimal decimal(JsonPath record, String field) {
        String value = record.getString("fields." + field);
        assertThat(value).as("fields.%s", field).isNotNull();
        return new BigDecimal(value);
    }
}
