package dev.brickwork.workflow.read;

import dev.brickwork.forms.read.Props;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.workflow.model.Outcome;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads {@code {"set": {field: value}}} objects: onApproved, onRejected and the {@code set} of update nodes. */
final class OutcomeReader {

    private final FormChecks checks;

    OutcomeReader(FormChecks checks) {
        this.checks = checks;
    }

    /** {@code onApproved} / {@code onRejected}: optional, an object holding only {@code set}. */
    Outcome outcome(Props owner, String name) {
        JsonNode node = owner.object(name, false);
        if (node == null) {
            return Outcome.NONE;
        }
        Props p = new Props(node, owner.pointer(name), owner.problems());
        p.allowOnly(Set.of("set"), "an outcome");
        return set(p, true);
    }

    /** The {@code set} property of {@code p}: a non-empty object of writable fields. */
    Outcome set(Props p, boolean required) {
        JsonNode set = p.object("set", required);
        if (set == null) {
            return Outcome.NONE;
        }
        if (set.isEmpty()) {
            p.error("set", FlowCodes.SET_EMPTY, "'set' names at least one field");
            return Outcome.NONE;
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Props fields = new Props(set, p.pointer("set"), p.problems());
        for (Iterator<Map.Entry<String, JsonNode>> entries = set.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            checks.writableField(entry.getKey(), fields.pointer(entry.getKey()));
            values.put(entry.getKey(), entry.getValue());
        }
        return new Outcome(values);
    }
}
