package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.DesignProblem;
import dev.brickwork.designer.flow.FlowDrafts;
import dev.brickwork.designer.flow.FlowEntity;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.record.RecordCodes;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.api.ApprovalApi.Simulation;
import dev.brickwork.runtime.api.ApprovalApi.SimulatedTrigger;
import dev.brickwork.runtime.api.ApprovalApi.SimulatedStep;
import dev.brickwork.runtime.records.RecordApprovals;
import dev.brickwork.runtime.records.RecordProblem;
import dev.brickwork.workflow.model.FlowDefinition;
import dev.brickwork.workflow.read.FlowContext;
import dev.brickwork.workflow.read.FlowReader;
import dev.brickwork.workflow.read.FlowReading;
import dev.brickwork.workflow.run.FlowConditions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The approval simulator (docs/spec.md §5): which path a record (stored, sample values, or both) would take through a
 * flow — the saved draft or a definition sent along — and who exactly each step would ask. Conditions are evaluated
 * and approvers resolved by the code the running flow uses ({@link FlowConditions}, {@link ApproverResolver}); nothing
 * is written.
 */
@ApplicationScoped
public class FlowSimulator {

    @Inject
    FlowDrafts drafts;

    @Inject
    RecordApprovals records;

    @Inject
    RuntimeFlowEnvironment environment;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    ZoneId zone;

    public Uni<Simulation> simulate(String appKey, String flowKey, JsonNode body, UUID caller) {
        SimulationInput input = SimulationInput.read(body);
        Uni<JsonNode> definition = input.definition() != null ? Uni.createFrom().item(input.definition())
                : drafts.get(appKey, flowKey).map(view -> designedDraft(view.flow()));
        return definition.chain(flow -> {
            String formKey = formOf(flow);
            Uni<ObjectNode> stored = input.record() == null ? Uni.createFrom().item(JsonNodeFactory.instance.objectNode())
                    : records.fields(appKey, formKey, input.record()).onItem().ifNull().failWith(() -> ApprovalCommands
                    .invalid("/record", "RECORD_UNKNOWN", "The flow's form has no such record."));
            return stored.chain(fields -> {
                ObjectNode values = fields.deepCopy().setAll(input.fields());
                Set<String> sent = new HashSet<>();
                input.fields().fieldNames().forEachRemaining(sent::add);
                return records.evaluateSent(appKey, formKey, values, sent,
                                input.record() == null ? null : fields)
                        .onFailure(e -> e instanceof ProblemException p && p.type() == RecordProblem.FORM_NOT_FOUND)
                        .transform(e -> ApprovalCommands.invalid("/definition/form", "FLOW_FORM_UNPUBLISHED",
                                "The app has no published form with this key; publish the form first."))
                        .chain(typed -> {
                            refuseBadSamples(typed, input.fields());
                            return environment.roleKeys().chain(roles -> {
                                FlowDefinition read = readable(flow, new FlowContext(typed.form(), roles));
                                SimulationRun run = new SimulationRun(appKey, formKey, typed, values, input, caller);
                                return Blocking.call(() -> run(run, flow, read));
                            });
                        });
            });
        });
    }

    /** What one simulation works on: the form's typed values of the record (samples laid over), and who is asking. */
    private record SimulationRun(String appKey, String formKey, RecordApprovals.Typed typed, ObjectNode values,
                                 SimulationInput input, UUID caller) {
    }

    private Simulation run(SimulationRun run, JsonNode json, FlowDefinition flow) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            ObjectNode people = people(connection, run);
            ApproverResolver resolver = new ApproverResolver(connection);
            PeopleNames names = new PeopleNames(connection);
            SimulatedPath.Conditions conditions = (source, setSoFar) -> holds(run, source, setSoFar);
            SimulatedPath path = new SimulatedPath(json, approvers -> names.of(resolver.resolve(approvers, people)), conditions);
            List<SimulatedStep> steps = path.walk(flow);
            String when = flow.trigger().when();
            Boolean holds = when == null ? null : conditions.holds(when, JsonNodeFactory.instance.objectNode());
            String outcome = Boolean.FALSE.equals(holds) ? "not_started" : path.blocked() ? "blocked" : "approved";
            return new Simulation(flow.key(), flow.form(), new SimulatedTrigger(flow.trigger().on().json(), when, holds),
                    steps, outcome, SimulatedPath.values(flow.onApproved()), SimulatedPath.values(flow.onRejected()));
        } catch (SQLException e) {
            throw new IllegalStateException("The simulation could not read the directory", e);
        }
    }

    /** The people approver rules read: the record's (with sample user fields laid over), or the sample's alone. */
    private ObjectNode people(Connection connection, SimulationRun run) throws SQLException {
        ObjectNode people = run.input().record() == null ? null
                : records.peopleOn(connection, run.appKey(), run.formKey(), run.input().record());
        if (people == null) {
            people = JsonNodeFactory.instance.objectNode();
            people.put("owner", run.caller() == null ? null : run.caller().toString());
            people.put("createdBy", run.caller() == null ? null : run.caller().toString());
            people.putObject("fields");
        }
        if (run.input().owner() != null) {
            people.put("owner", run.input().owner().toString());
        }
        ((ObjectNode) people.get("fields")).setAll(run.input().fields().deepCopy());
        return people;
    }

    private boolean holds(SimulationRun run, String source, ObjectNode setSoFar) {
        RecordApprovals.Typed typed = run.typed();
        if (!setSoFar.isEmpty()) {
            ObjectNode values = run.values().deepCopy().setAll(setSoFar);
            typed = Blocking.await(() -> records.evaluate(run.appKey(), run.formKey(), values));
        }
        return FlowConditions.holds(typed.form(), source, typed.values().values(), typed.values().rows(), clock, zone);
    }

    /** A sample value its field refuses (a missing required value is fine: a sample is partial). */
    private static void refuseBadSamples(RecordApprovals.Typed typed, ObjectNode samples) {
        List<ProblemError> errors = typed.values().problems().stream()
                .filter(Problem::isError)
                .filter(p -> !RecordCodes.FIELD_REQUIRED.equals(p.code()))
                .filter(p -> sentKey(p.pointer(), samples))
                .map(p -> ProblemError.of(p.pointer(), p.code(), p.message()))
                .toList();
        if (!errors.isEmpty()) {
            throw new ProblemException(RecordProblem.RECORD_INVALID, "A sample value is invalid; nothing was simulated.", errors);
        }
    }

    private static boolean sentKey(String pointer, ObjectNode samples) {
        if (pointer == null || !pointer.startsWith("/fields/")) {
            return false;
        }
        String key = pointer.substring("/fields/".length()).split("/", 2)[0];
        return samples.has(key.replace("~1", "/").replace("~0", "~"));
    }

    /** The flow as read against its form; a definition with errors is refused with every problem, located in it. */
    private static FlowDefinition readable(JsonNode json, FlowContext context) {
        FlowReading reading = FlowReader.read(json, context);
        if (reading.valid().isEmpty()) {
            throw new ProblemException(DesignProblem.DEFINITION_INVALID, "The flow has problems; nothing was simulated.",
                    reading.problems().stream().filter(Problem::isError).map(p -> new ProblemError("/definition"
                            + p.pointer(), p.code(), p.severity().json(), p.message(), null)).toList());
        }
        return reading.valid().get();
    }

    private static String formOf(JsonNode flow) {
        JsonNode form = flow.path("form");
        if (!form.isTextual() || form.asText().isBlank()) {
            throw ApprovalCommands.invalid("/definition/form", "PROPERTY_REQUIRED", "A flow names the form it runs on.");
        }
        return form.asText();
    }

    private static JsonNode designedDraft(FlowEntity flow) {
        if (flow.draftBpmn != null || flow.draft == null) {
            throw ApprovalCommands.invalid("/definition", "SIMULATION_NEEDS_DESIGN",
                    "Only a designed flow can be simulated; send its definition or save it as a draft first.");
        }
        return JsonBodies.parse(flow.draft);
    }
}
