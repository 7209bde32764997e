package dev.brickwork.templates;

import dev.brickwork.forms.Problem;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.record.RecordValidation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter's formulas compute what templates/README.md says, on records as the engine validates them. */
class CrmFormulasTest {

    @Test
    void anOpportunitysProbabilityFollowsItsStageUntilSomeoneEstimatesIt() {
        RecordValidation proposal = CrmRecords.valid("opportunity", """
                {"name": "ERP", "customer": "0192a3b4-0000-7000-8000-000000000001", "amount": 100000, "stage": "proposal",
                 "expected_close_date": "2027-01-31"}""");
        RecordValidation estimated = CrmRecords.valid("opportunity", """
                {"name": "ERP", "customer": "0192a3b4-0000-7000-8000-000000000001", "amount": 100000, "stage": "proposal",
                 "probability_override": 0.3, "expected_close_date": "2027-01-31"}""");

        assertThat(number(proposal, "probability")).isEqualByComparingTo("0.6");
        assertThat(number(proposal, "weighted_amount")).isEqualByComparingTo("60000");
        assertThat(number(estimated, "probability")).isEqualByComparingTo("0.3");
        assertThat(number(estimated, "weighted_amount")).isEqualByComparingTo("30000");
    }

    @Test
    void aLostOpportunityWithoutAReasonIsRefused() {
        RecordValidation lost = CrmRecords.check("opportunity", """
                {"name": "ERP", "customer": "0192a3b4-0000-7000-8000-000000000001", "amount": 100000, "stage": "lost",
                 "expected_close_date": "2027-01-31"}""");

        assertThat(lost.problems()).extracting(Problem::pointer).containsExactly("/fields/lost_reason");
    }

    @Test
    void aQuotesTotalsAndDiscountsComeFromItsLines() {
        RecordValidation quote = CrmRecords.valid("quote", """
                {"opportunity": "0192a3b4-0000-7000-8000-000000000001", "items": [
                  {"product": "0192a3b4-0000-7000-8000-000000000002", "quantity": 2, "list_price": 1000, "unit_price": 900},
                  {"product": "0192a3b4-0000-7000-8000-000000000003", "quantity": 1, "list_price": 2000, "unit_price": 1400}]}""");

        assertThat(number(quote, "list_total")).isEqualByComparingTo("4000");
        assertThat(number(quote, "total_amount")).isEqualByComparingTo("3200");
        assertThat(number(quote, "overall_discount")).isEqualByComparingTo("0.2");
        assertThat(number(quote, "max_line_discount")).isEqualByComparingTo("0.3");
    }

    @Test
    void aRefundCountsNegativeInTheRollUps() {
        RecordValidation refund = CrmRecords.valid("payment", """
                {"contract": "0192a3b4-0000-7000-8000-000000000001", "type": "refund", "amount": 5000, "received_date": "2026-11-30"}""");

        assertThat(number(refund, "signed_amount")).isEqualByComparingTo("-5000");
    }

    @Test
    void aPlanPastItsDateWithMoneyOutstandingIsOverdueInItsAgingBucket() {
        RecordValidation plan = CrmRecords.valid("payment_plan", """
                {"contract": "0192a3b4-0000-7000-8000-000000000001", "period_no": 1, "planned_date": "2026-09-20", "planned_amount": 1000,
                 "remind_days": 3, "received_amount": 400}""");

        assertThat(text(plan, "status")).isEqualTo("overdue");
        assertThat(number(plan, "unreceived_amount")).isEqualByComparingTo("600");
        assertThat(number(plan, "overdue_days")).isEqualByComparingTo("74");
        assertThat(text(plan, "aging_bucket")).isEqualTo("61-90");
        assertThat(plan.values().get("remind_date")).isEqualTo(new Value.Date(LocalDate.of(2026, 9, 17)));
    }

    @Test
    void aPlanIsCompletedPartialOrPendingByWhatHasBeenReceived() {
        String plan = """
                {"contract": "0192a3b4-0000-7000-8000-000000000001", "period_no": 1, "planned_date": "2027-03-01", "planned_amount": 1000%s}""";

        assertThat(text(CrmRecords.valid("payment_plan", plan.formatted(", \"received_amount\": 1000")), "status"))
                .isEqualTo("completed");
        assertThat(text(CrmRecords.valid("payment_plan", plan.formatted(", \"received_amount\": 10")), "status"))
                .isEqualTo("partial");
        RecordValidation pending = CrmRecords.valid("payment_plan", plan.formatted(""));
        assertThat(text(pending, "status")).isEqualTo("pending");
        assertThat(number(pending, "overdue_days")).isEqualByComparingTo("0");
        assertThat(pending.values().get("aging_bucket")).isEqualTo(Value.NULL);
    }

    @Test
    void aCampaignsReturnIsWonAmountLessCostOverCost() {
        RecordValidation campaign = CrmRecords.valid("campaign", """
                {"name": "展会", "actual_cost": 20000, "lead_count": 40, "won_amount": 50000}""");

        assertThat(number(campaign, "cost_per_lead")).isEqualByComparingTo("500");
        assertThat(number(campaign, "roi")).isEqualByComparingTo("1.5");
    }

    private static BigDecimal number(RecordValidation validation, String key) {
        Value value = validation.values().get(key);
        assertThat(value).as(key).isInstanceOf(Value.Number.class);
        return ((Value.Number) value).value();
    }

    private static String text(RecordValidation validation, String key) {
        Value value = validation.values().get(key);
        assertThat(value).as(key).isInstanceOf(Value.Text.class);
        return ((Value.Text) value).value();
    }
}
