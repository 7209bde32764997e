package dev.brickwork.designer.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.Keys;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.read.DefinitionCodes;
import dev.brickwork.workflow.bpmn.FlowCompiler;
import dev.brickwork.workflow.lint.BpmnLinter;
import dev.brickwork.workflow.model.FlowDefinition;
import dev.brickwork.workflow.model.Trigger;
import dev.brickwork.workflow.plan.FlowPlan;
import dev.brickwork.workflow.plan.FlowPlans;
import dev.brickwork.workflow.plan.UploadedFlows;
import dev.brickwork.workflow.read.FlowCodes;
import dev.brickwork.workflow.read.FlowContext;
import dev.brickwork.workflow.read.FlowReader;
import dev.brickwork.workflow.read.FlowReading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a flow draft against the current published version of its form and the roles that exist: a pure function
 * that returns every problem, located by JSON pointer, and never throws. Uploads are located as what they are bound
 * by: {@code /form}, {@code /trigger/on}, {@code /trigger/when} (the {@code form}, {@code on} and {@code when}
 * parameters), and {@code /bpmn/<element id>} inside the file.
 */
final class DraftChecks {

    /** What checking a draft found: every problem and, when none is an error, what publishing it needs. */
    record Checked(List<Problem> problems, Optional<Ready> ready) {
        Checked {
            problems = List.copyOf(problems);
        }
    }

    /** A draft without errors: what it runs on, and how to make its plan (compiling a designed flow to BPMN). */
    record Ready(String form, Trigger trigger, Supplier<FlowPlan> plan) {
    }

    private DraftChecks() {
    }

    /** @param users username to user id for the usernames an uploaded draft names (see {@link FlowDrafts#users}) */
    static Checked check(FlowDraft draft, String flowKey, Optional<CompiledForm> form, Set<String> roles,
                         Map<String, String> users) {
        if (draft instanceof FlowDraft.Uploaded upload) {
            return uploaded(upload.bpmn(), flowKey, upload.binding(), form, roles, users);
        }
        return designed(((FlowDraft.Designed) draft).json(), flowKey, form, roles);
    }

    static Checked designed(JsonNode json, String flowKey, Optional<CompiledForm> form, Set<String> roles) {
        if (!json.isObject()) {
            return new Checked(List.of(Problem.error("", FlowCodes.FLOW_NOT_OBJECT, "A flow definition is a JSON object.")),
                    Optional.empty());
        }
        List<Problem> problems = new ArrayList<>();
        FlowReading reading = null;
        if (form.isPresent()) {
            reading = FlowReader.read(json, new FlowContext(form.get(), roles));
            problems.addAll(reading.problems());
        } else {
            JsonNode formKey = json.get("form");
            problems.add(formKey != null && !formKey.isTextual()
                    ? Problem.error("/form", DefinitionCodes.PROPERTY_TYPE, "'form' is the key of a form.")
                    : formProblem(formKey == null ? null : formKey.asText(), "A flow names the form it runs on."));
        }
        JsonNode key = json.path("key");
        if (key.isTextual() && !key.asText().equals(flowKey)) {
            problems.add(Problem.error("/key", FlowDesignCodes.FLOW_KEY_MISMATCH, "The key must be the flow's key in the address."));
        }
        if (reading == null || problems.stream().anyMatch(Problem::isError) || reading.valid().isEmpty()) {
            return new Checked(problems, Optional.empty());
        }
        FlowDefinition flow = reading.valid().get();
        return new Checked(problems, Optional.of(new Ready(flow.form(), flow.trigger(),
                () -> FlowPlans.of(flow, FlowCompiler.compile(flow)))));
    }

    /**
     * The binding and the linter first: a file the linter refuses, or one without a form and trigger to check it
     * against, gets those problems only; a clean one is read into its plan.
     */
    static Checked uploaded(byte[] bpmn, String flowKey, FlowDraft.Binding binding, Optional<CompiledForm> form,
                            Set<String> roles, Map<String, String> users) {
        List<Problem> problems = new ArrayList<>();
        if (form.isEmpty()) {
            problems.add(formProblem(binding.form(), "An uploaded flow needs the form it runs on (parameter 'form')."));
        }
        Optional<Trigger> trigger = binding.trigger();
        if (binding.on() == null) {
            problems.add(Problem.error("/trigger/on", DefinitionCodes.PROPERTY_REQUIRED,
                    "An uploaded flow needs the event that starts it (parameter 'on')."));
        } else if (trigger.isEmpty()) {
            problems.add(Problem.error("/trigger/on", DefinitionCodes.PROPERTY_VALUE_INVALID,
                    "'on' is one of submit, create, update."));
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            problems.addAll(BpmnLinter.lint(bpmn));
            return new Checked(problems, Optional.empty());
        }
        // the reading lints the file first and stops at what the linter refuses
        UploadedFlows.Reading reading = UploadedFlows.read(bpmn, flowKey, trigger.get(),
                new FlowContext(form.get(), roles, users));
        problems.addAll(reading.problems());
        if (reading.plan().isEmpty() || problems.stream().anyMatch(Problem::isError)) {
            return new Checked(problems, Optional.empty());
        }
        FlowPlan plan = reading.plan().get();
        return new Checked(problems, Optional.of(new Ready(binding.form(), trigger.get(), () -> plan)));
    }

    /** Why a flow has no form to be checked against: none named, not a key, or not published. */
    private static Problem formProblem(String formKey, String required) {
        if (formKey == null || formKey.isBlank()) {
            return Problem.error("/form", DefinitionCodes.PROPERTY_REQUIRED, required);
        }
        if (!Keys.valid(formKey)) {
            return Problem.error("/form", DefinitionCodes.KEY_INVALID,
                    "A key starts with a-z and has up to 40 of a-z, 0-9 and _.");
        }
        return Problem.error("/form", FlowDesignCodes.FLOW_FORM_UNPUBLISHED,
                "The app has no published form with this key; publish the form first.");
    }
}
