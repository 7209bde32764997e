package dev.brickwork.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.brickwork.workflow.model.ApprovalMode;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.Outcome;
import dev.brickwork.workflow.model.Timeout;
import dev.brickwork.workflow.model.TimeoutAction;
import dev.brickwork.workflow.model.Trigger;
import dev.brickwork.workflow.model.TriggerEvent;
import dev.brickwork.workflow.plan.FlowPlan;
import dev.brickwork.workflow.plan.FlowPlanJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

class FlowPlanJsonPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // a stored plan is read back from text, as the runtime stores it
    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void everyPlanReadsBackAsWritten(@ForAll("plans") FlowPlan plan) throws Exception {
        String stored = Fixtures.JSON.writeValueAsString(FlowPlanJson.write(plan));

        FlowPlan read = FlowPlanJson.read(Fixtures.JSON.readTree(stored));

        assertThat(read).isEqualTo(plan);
    }

    @Provide
    Arbitrary<FlowPlan> plans() {
        Arbitrary<Map<String, FlowPlan.Approval>> approvals = Arbitraries.maps(keys(), approval()).ofMaxSize(4)
                .map(map -> {
                    Map<String, FlowPlan.Approval> keyed = new java.util.LinkedHashMap<>();
                    map.forEach((key, a) -> keyed.put(key, new FlowPlan.Approval(key, a.label(), a.approvers(),
                            a.mode(), a.timeout())));
                    return keyed;
                });
        Arbitrary<Map<String, String>> conditions = Arbitraries.maps(keys(), text()).ofMaxSize(3);
        Arbitrary<Map<String, FlowPlan.Activity>> activities = Arbitraries.maps(keys(), activity()).ofMaxSize(5);
        return Combinators.combine(keys(), trigger(), approvals, conditions, activities, text())
                .as((key, trigger, a, c, act, bpmn) -> new FlowPlan(key, "contract", trigger, a, c, act, bpmn));
    }

    private Arbitrary<FlowPlan.Approval> approval() {
        Arbitrary<dev.brickwork.forms.model.Label> label = Arbitraries.oneOf(text().map(dev.brickwork.forms.model.Label::of),
                Arbitraries.maps(Arbitraries.of("en", "zh-CN"), text()).ofMinSize(1).ofMaxSize(2)
                        .map(translations -> new dev.brickwork.forms.model.Label(null, translations)));
        return Combinators.combine(label, approvers(), Arbitraries.of(ApprovalMode.class), timeout().injectNull(0.4))
                .as((name, approvers, mode, timeout) -> new FlowPlan.Approval("x", name, approvers, mode, timeout));
    }

    private Arbitrary<Timeout> timeout() {
        return Combinators.combine(Arbitraries.of("P2D", "PT4H", "P1M"), Arbitraries.of(TimeoutAction.class),
                approvers()).as(Timeout::new);
    }

    private Arbitrary<Trigger> trigger() {
        return Combinators.combine(Arbitraries.of(TriggerEvent.class), text().injectNull(0.5)).as(Trigger::new)
                .injectNull(0.2);
    }

    private Arbitrary<FlowPlan.Activity> activity() {
        return Arbitraries.oneOf(
                Combinators.combine(approvers(), text()).as(FlowPlan.Notify::new),
                outcome().map(FlowPlan.Update::new),
                Combinators.combine(Arbitraries.of(true, false), outcome()).as(FlowPlan.Finish::new),
                keys().map(FlowPlan.TimedOut::new));
    }

    private Arbitrary<List<Approver>> approvers() {
        Arbitrary<Approver> one = Arbitraries.oneOf(text().map(Approver.User::new), keys().map(Approver.Role::new),
                keys().map(Approver.Field::new), keys().map(Approver.ManagerOf::new),
                text().map(Approver.Department::new));
        return one.list().ofMaxSize(3);
    }

    private Arbitrary<Outcome> outcome() {
        return Arbitraries.maps(keys(), value()).ofMaxSize(3).map(Outcome::new);
    }

    // values as a flow's JSON holds them: parsed from text, so numbers have the node types parsing gives
    private Arbitrary<JsonNode> value() {
        return Arbitraries.oneOf(text().map(NODES::textNode), Arbitraries.longs().map(n -> parse(Long.toString(n))),
                Arbitraries.bigDecimals().ofScale(2).between(new BigDecimal("-1e9"), new BigDecimal("1e9"))
                        .map(d -> parse(d.toPlainString())),
                Arbitraries.of(true, false).map(NODES::booleanNode), Arbitraries.just(NODES.nullNode()),
                Arbitraries.just(NODES.arrayNode().add("a").add(1)));
    }

    private static JsonNode parse(String json) {
        try {
            return Fixtures.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Arbitrary<String> keys() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    }

    private Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(30);
    }
}
