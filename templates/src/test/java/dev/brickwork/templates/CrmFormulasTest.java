package dev.brickwork.templates;

import dev.brickwork.forms.Problem;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.record.RecordValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
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

    @Test
    void aLeadIsDueAFirstResponseTwoHoursAfterItIsAssigned() {
        RecordValidation lead = CrmRecords.valid("lead", """
                {"name": "王伟", "assigned_at": "2026-12-03T01:30:00Z"}""");

        assertThat(lead.values().get("response_due")).isEqualTo(new Value.DateTime(Instant.parse("2026-12-03T03:30:00Z")));
    }

    @ParameterizedTest(name = "{0}: respond by {1}, resolve by {2}")
    @CsvSource({
            "P0, 2026-12-03T01:15:00Z, 2026-12-03T03:00:00Z",
            "P1, 2026-12-03T02:00:00Z, 2026-12-03T09:00:00Z",
            "P2, 2026-12-03T05:00:00Z, 2026-12-04T01:00:00Z",
            "P3, 2026-12-03T09:00:00Z, 2026-12-06T01:00:00Z"})
    void aTicketsDueTimesFollowItsPriority(String priority, String respondBy, String resolveBy) {
        RecordValidation ticket = CrmRecords.valid("ticket", """
                {"title": "打印机卡纸", "priority": "%s", "submitted_at": "2026-12-03T01:00:00Z"}""".formatted(priority));

        assertThat(ticket.values().get("response_due")).isEqualTo(new Value.DateTime(Instant.parse(respondBy)));
        assertThat(ticket.values().get("resolve_due")).isEqualTo(new Value.DateTime(Instant.parse(resolveBy)));
    }

    @Test
    void aTicketsSlaClockStopsWhileItIsPausedAndABreachShowsOnceTheDueTimeHasPassed() {
        // the clock stands at 04:00Z; P1 answers within an hour, resolves within eight
        RecordValidation late = CrmRecords.valid("ticket", """
                {"title": "无法登录", "priority": "P1", "submitted_at": "2026-12-03T01:00:00Z"}""");
        RecordValidation paused = CrmRecords.valid("ticket", """
                {"title": "无法登录", "priority": "P1", "submitted_at": "2026-12-03T01:00:00Z",
                 "sla_paused_minutes": 240, "first_response_at": "2026-12-03T01:20:00Z"}""");

        assertThat(late.values().get("response_breached")).isEqualTo(new Value.Bool(true));
        assertThat(late.values().get("resolve_breached")).isEqualTo(new Value.Bool(false));
        assertThat(paused.values().get("response_due")).isEqualTo(new Value.DateTime(Instant.parse("2026-12-03T06:00:00Z")));
        assertThat(paused.values().get("response_breached")).isEqualTo(new Value.Bool(false));
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
