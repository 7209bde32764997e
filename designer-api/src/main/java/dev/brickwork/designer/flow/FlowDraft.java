package dev.brickwork.designer.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.Keys;
import dev.brickwork.workflow.model.Trigger;
import dev.brickwork.workflow.model.TriggerEvent;

import java.util.Optional;

/** A flow draft as the client sent it: a designed flow (docs/spec.md §5), or an uploaded BPMN with what it is bound to. */
public sealed interface FlowDraft {

    /** The form the draft is bound to, when it names one by a valid key. */
    Optional<String> formKey();

    /** A flow designed as JSON; it names its form and trigger itself. */
    record Designed(JsonNode json) implements FlowDraft {
        @Override
        public Optional<String> formKey() {
            JsonNode form = json.path("form");
            return form.isTextual() && Keys.valid(form.asText()) ? Optional.of(form.asText()) : Optional.empty();
        }
    }

    /** An uploaded BPMN 2.0 file; its form and trigger come with the upload. */
    record Uploaded(byte[] bpmn, Binding binding) implements FlowDraft {
        @Override
        public Optional<String> formKey() {
            return binding.form() != null && Keys.valid(binding.form()) ? Optional.of(binding.form()) : Optional.empty();
        }
    }

    /**
     * What an uploaded BPMN runs on, as given ({@code form}, {@code on}, {@code when}); each may be missing or wrong
     * while the draft is unfinished.
     */
    record Binding(String form, String on, String when) {

        /** The trigger, when {@code on} names an event. */
        Optional<Trigger> trigger() {
            return on == null ? Optional.empty() : TriggerEvent.fromJson(on).map(event -> new Trigger(event, blankToNull(when)));
        }

        /** The trigger part as stored: {@code {"on", "when"}}, each only when given. */
        JsonNode triggerJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            if (on != null) {
                json.put("on", on);
            }
            if (blankToNull(when) != null) {
                json.put("when", when);
            }
            return json;
        }

        public static Binding of(String form, JsonNode trigger) {
            return new Binding(form, text(trigger, "on"), text(trigger, "when"));
        }

        private static String text(JsonNode node, String name) {
            JsonNode value = node == null ? null : node.get(name);
            return value != null && value.isTextual() ? value.asText() : null;
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text;
        }
    }

    /** A trigger as stored with a version: {@code {"on", "when"}}. */
    static JsonNode triggerJson(Trigger trigger) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("on", trigger.on().json());
        if (trigger.when() != null) {
            json.put("when", trigger.when());
        }
        return json;
    }
}
