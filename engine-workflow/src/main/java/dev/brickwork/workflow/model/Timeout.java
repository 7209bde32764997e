package dev.brickwork.workflow.model;

import java.util.List;

/**
 * A timer on an approval node.
 *
 * @param after an ISO-8601 duration ({@code P2D}, {@code PT4H}, {@code P1W}), as written
 * @param to    the approvers an escalation goes to; empty for other actions
 */
public record Timeout(String after, TimeoutAction action, List<Approver> to) {

    public Timeout {
        to = List.copyOf(to);
    }
}
