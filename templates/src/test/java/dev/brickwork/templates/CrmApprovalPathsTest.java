package dev.brickwork.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.record.RecordValidation;
import dev.brickwork.workflow.run.FlowConditions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which approvals a record meets, walking its flow as the engine does: a branch takes its first branch whose
 * condition holds on the record (engine-workflow's {@link FlowConditions}), else the otherwise branch.
 */
class CrmApprovalPathsTest {

    private static final String UUID_1 = "0192a3b4-0000-7000-8000-000000000001";
    private static final String UUID_2 = "0192a3b4-0000-7000-8000-000000000002";

    @ParameterizedTest(name = "unit price {0} of list 1000, quantity {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "950;10;''",
            "900;10;''",
            "850;10;manager",
            "750;10;manager director",
            "650;10;manager director gm",
            "950;1100;finance",
            "600;2000;manager director gm finance"})
    void aQuoteGoesToTheApproversOfItsDiscountAndTotal(String unitPrice, String quantity, String approvals) {
        RecordValidation quote = CrmRecords.valid("quote", """
                {"opportunity": "%s", "items": [{"product": "%s", "quantity": %s, "list_price": 1000,
                 "unit_price": %s}]}""".formatted(UUID_1, UUID_2, quantity, unitPrice));

        assertThat(path("quote_discount", "quote", quote)).isEqualTo(approvals);
    }

    @ParameterizedTest(name = "a line at {0} beside a line at list price: {1}")
    @CsvSource(delimiter = ';', value = {"750;manager director", "880;manager"})
    void aQuotesLargestLineDiscountCountsWhenItIsAboveTheOverallOne(String unitPrice, String approvals) {
        RecordValidation quote = CrmRecords.valid("quote", """
                {"opportunity": "%s", "items": [{"product": "%s", "quantity": 1, "list_price": 1000, "unit_price": %s},
                 {"product": "%s", "quantity": 9, "list_price": 1000, "unit_price": 1000}]}"""
                .formatted(UUID_1, UUID_2, unitPrice, UUID_2));

        assertThat(path("quote_discount", "quote", quote)).isEqualTo(approvals);
    }

    @ParameterizedTest(name = "a contract of {0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "100000;supervisor finance",
            "499999.99;supervisor finance",
            "500000;supervisor finance countersign",
            "2000000;supervisor finance countersign gm"})
    void aContractGoesToTheApproversOfItsAmount(String amount, String approvals) {
        RecordValidation contract = CrmRecords.valid("contract", """
                {"name": "年度服务", "customer": "%s", "amount": %s, "sign_date": "2026-12-01"}"""
                .formatted(UUID_1, amount));

        assertThat(path("contract_approval", "contract", contract)).isEqualTo(approvals);
    }

    @ParameterizedTest(name = "a {0} of {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "receipt;900000;finance",
            "refund;10000;refund_manager refund_finance_manager",
            "refund;50000;refund_manager refund_finance_manager refund_gm",
            "refund;200000;refund_manager refund_finance_manager refund_gm refund_countersign"})
    void aPaymentIsConfirmedByFinanceAndARefundByItsTiers(String type, String amount, String approvals) {
        RecordValidation payment = CrmRecords.valid("payment", """
                {"contract": "%s", "type": "%s", "amount": %s, "received_date": "2026-12-01"}"""
                .formatted(UUID_1, type, amount));

        assertThat(path("payment_confirmation", "payment", payment)).isEqualTo(approvals);
    }

    private static String path(String flowKey, String formKey, RecordValidation record) {
        JsonNode flow = null;
        for (JsonNode candidate : CrmParts.PACKAGE.get("flows")) {
            if (candidate.get("key").asText().equals(flowKey)) {
                flow = candidate;
            }
        }
        assertThat(flow).as(flowKey).isNotNull();
        List<String> approvals = new ArrayList<>();
        walk(flow.get("nodes"), CrmParts.compiled(formKey), record, approvals);
        return String.join(" ", approvals);
    }

    private static void walk(JsonNode nodes, CompiledForm form, RecordValidation record, List<String> approvals) {
        for (JsonNode node : nodes) {
            switch (node.get("type").asText()) {
                case "approval" -> approvals.add(node.get("key").asText());
                case "branch" -> walk(taken(node, form, record).get("nodes"), form, record, approvals);
                default -> {
                    // update and notify nodes decide nothing
                }
            }
        }
    }

    private static JsonNode taken(JsonNode branchNode, CompiledForm form, RecordValidation record) {
        JsonNode otherwise = null;
        for (JsonNode branch : branchNode.get("branches")) {
            if (branch.path("otherwise").asBoolean()) {
                otherwise = branch;
            } else if (FlowConditions.holds(form, branch.get("when").asText(), record.values(), record.rows(),
                    CrmRecords.CLOCK, CrmRecords.SHANGHAI)) {
                return branch;
            }
        }
        return otherwise;
    }
}
