package dev.brickwork.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.workflow.bpmn.BpmnCompilation;
import dev.brickwork.workflow.bpmn.FlowCompiler;
import dev.brickwork.workflow.read.FlowContext;
import dev.brickwork.workflow.read.FlowReader;
import dev.brickwork.workflow.read.FlowReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CrmFlowsTest {

    static Stream<String> flowKeys() {
        return flows().keySet().stream();
    }

    @Test
    void theStarterHasTheQuoteContractAndPaymentFlowsEachStartedBySubmit() {
        assertThat(flows()).containsOnlyKeys("quote_discount", "contract_approval", "payment_confirmation");
        flows().values().forEach(flow -> assertThat(flow.path("trigger").path("on").asText()).isEqualTo("submit"));
        assertThat(flows().get("quote_discount").get("form").asText()).isEqualTo("quote");
        assertThat(flows().get("contract_approval").get("form").asText()).isEqualTo("contract");
        assertThat(flows().get("payment_confirmation").get("form").asText()).isEqualTo("payment");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flowKeys")
    void everyFlowPassesTheFlowValidatorAgainstItsFormAndThePackagesRoles(String key) {
        JsonNode flow = flows().get(key);
        FlowContext context = new FlowContext(CrmParts.compiled(flow.get("form").asText()), CrmParts.roleKeys());

        FlowReading reading = FlowReader.read(flow, context);

        assertThat(reading.problems().stream().filter(Problem::isError).toList()).as("the problems of %s", key).isEmpty();
        BpmnCompilation bpmn = FlowCompiler.compile(reading.valid().orElseThrow());
        assertThat(bpmn.xml()).contains("<process id=\"" + key + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flowKeys")
    void everyValueAFlowSetsIsAnOptionOfTheFieldItSets(String key) {
        JsonNode flow = flows().get(key);
        JsonNode form = CrmParts.form(flow.get("form").asText());
        List<String> notOptions = new ArrayList<>();
        sets(flow).forEach(set -> set.properties().forEach(entry -> {
            JsonNode field = CrmFormsTest.field(form, entry.getKey());
            List<String> options = new ArrayList<>();
            field.path("options").forEach(o -> options.add(o.get("value").asText()));
            if (!options.contains(entry.getValue().asText())) {
                notOptions.add(entry.getKey() + "=" + entry.getValue().asText());
            }
        }));

        assertThat(notOptions).isEmpty();
    }

    @Test
    void approvalsSetTheStatusesTheTemplateNames() {
        assertThat(outcomes("quote_discount")).containsExactly("approved", "rejected");
        assertThat(outcomes("contract_approval")).containsExactly("active", "draft");
        assertThat(outcomes("payment_confirmation")).containsExactly("confirmed", "rejected");
    }

    @Test
    void theContractCountersignIsAllOfLegalFinanceAndTheSalesDirector() {
        JsonNode countersign = approval(flows().get("contract_approval"), "countersign");

        assertThat(countersign.get("mode").asText()).isEqualTo("all");
        assertThat(countersign.get("approvers").toString())
                .isEqualTo("[{\"role\":\"legal\"},{\"role\":\"finance\"},{\"role\":\"sales_director\"}]");
    }

    @Test
    void theQuoteFlowIsKeyedOnTheLargerOfTheOverallAndTheLineDiscount() {
        String flow = flows().get("quote_discount").toString();

        assertThat(flow).contains("MAX(overall_discount, max_line_discount) > 0.1",
                "MAX(overall_discount, max_line_discount) > 0.2", "MAX(overall_discount, max_line_discount) > 0.3",
                "total_amount >= 1000000");
    }

    static Map<String, JsonNode> flows() {
        Map<String, JsonNode> flows = new java.util.LinkedHashMap<>();
        CrmParts.PACKAGE.get("flows").forEach(flow -> flows.put(flow.get("key").asText(), flow));
        return flows;
    }

    private static List<String> outcomes(String key) {
        JsonNode flow = flows().get(key);
        return List.of(flow.at("/onApproved/set/status").asText(), flow.at("/onRejected/set/status").asText());
    }

    /** Every {@code set} object of a flow: its outcomes and its update nodes, at any depth. */
    private static List<JsonNode> sets(JsonNode flow) {
        List<JsonNode> sets = new ArrayList<>();
        for (String outcome : Set.of("onApproved", "onRejected")) {
            if (flow.has(outcome)) {
                sets.add(flow.get(outcome).get("set"));
            }
        }
        collect(flow.get("nodes"), sets);
        return sets;
    }

    private static void collect(JsonNode nodes, List<JsonNode> sets) {
        for (JsonNode node : nodes) {
            if (node.has("set")) {
                sets.add(node.get("set"));
            }
            node.path("branches").forEach(branch -> collect(branch.get("nodes"), sets));
        }
    }

    private static JsonNode approval(JsonNode flow, String key) {
        List<JsonNode> found = new ArrayList<>();
        find(flow.get("nodes"), key, found);
        assertThat(found).as("approval %s", key).hasSize(1);
        return found.get(0);
    }

    private static void find(JsonNode nodes, String key, List<JsonNode> found) {
        for (JsonNode node : nodes) {
            if (key.equals(node.path("key").asText())) {
                found.add(node);
            }
            node.path("branches").forEach(branch -> find(branch.get("nodes"), key, found));
        }
    }
}
