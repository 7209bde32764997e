package dev.brickwork.workflow.read;

import dev.brickwork.forms.read.Props;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.read.DefinitionCodes;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.Timeout;
import dev.brickwork.workflow.model.TimeoutAction;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code timeout} of an approval node. */
final class TimeoutReader {

    private static final Pattern DURATION = Pattern.compile(
            "^P(?:(\\d{1,6})Y)?(?:(\\d{1,6})M)?(?:(\\d{1,6})D)?(?:T(?:(\\d{1,6})H)?(?:(\\d{1,6})M)?(?:(\\d{1,6})S)?)?$");
    private static final Set<String> PROPERTIES = Set.of("after", "action", "to");

    private final ApproverReader approvers;

    TimeoutReader(ApproverReader approvers) {
        this.approvers = approvers;
    }

    Timeout read(Props owner) {
        JsonNode node = owner.object("timeout", false);
        if (node == null) {
            return null;
        }
        Props p = new Props(node, owner.pointer("timeout"), owner.problems());
        p.allowOnly(PROPERTIES, "a timeout");
        String after = p.nonBlank("after", true);
        if (after != null && !isPositiveDuration(after)) {
            p.error("after", FlowCodes.DURATION_INVALID,
                    "'after' is a positive ISO-8601 duration such as P2D, PT4H or P1M");
            after = null;
        }
        String actionName = p.nonBlank("action", true);
        Optional<TimeoutAction> action = actionName == null ? Optional.empty() : TimeoutAction.fromJson(actionName);
        if (actionName != null && action.isEmpty()) {
            p.error("action", DefinitionCodes.PROPERTY_VALUE_INVALID,
                    "'action' is one of remind, approve, reject, escalate");
        }
        boolean escalate = action.orElse(null) == TimeoutAction.ESCALATE;
        List<Approver> to = List.of();
        if (escalate && !p.has("to")) {
            p.error("to", FlowCodes.ESCALATION_TARGET_INVALID, "An escalation needs 'to'");
        } else if (!escalate && p.has("to") && action.isPresent()) {
            p.error("to", FlowCodes.ESCALATION_TARGET_INVALID, "Only an escalation has 'to'");
        } else if (escalate) {
            to = approvers.list(p, "to", true);
        }
        return after == null || action.isEmpty() ? null : new Timeout(after, action.get(), to);
    }

    /**
     * The ISO-8601 durations the engine's timers understand (XML Schema durations, so no weeks): {@code P2D},
     * {@code PT4H}, {@code P1M}, {@code P1DT12H}; at least one non-zero part, no fractions, nothing negative.
     */
    static boolean isPositiveDuration(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches() || text.endsWith("T")) {
            return false;
        }
        for (int group = 1; group <= matcher.groupCount(); group++) {
            String part = matcher.group(group);
            if (part != null && !part.matches("0+")) {
                return true;
            }
        }
        return false;
    }
}
