package dev.brickwork.workflow.model;

import dev.brickwork.forms.model.Label;

import java.util.List;

/**
 * One node of a flow. {@link #id()} is the node's {@code key} when it has one (approvals always do), else an id
 * derived from its position ({@code _1_0_2}) that can never equal a key, since keys start with a letter.
 */
public sealed interface FlowNode {

    String id();

    /** Waits for people to decide. */
    /** @param label what people see the step called, per language; null for the node key */
    record Approval(String id, List<Approver> approvers, ApprovalMode mode, Timeout timeout, Label label) implements FlowNode {
        public Approval {
            approvers = List.copyOf(approvers);
        }
    }

    /** Takes the first branch whose condition holds, else the {@code otherwise} branch. */
    record Choice(String id, List<Branch> branches) implements FlowNode {
        public Choice {
            branches = List.copyOf(branches);
        }
    }

    /** Runs every branch and goes on when all have finished. */
    record Parallel(String id, List<Branch> branches) implements FlowNode {
        public Parallel {
            branches = List.copyOf(branches);
        }
    }

    /** Sends a message; {@code {field}} placeholders are filled from the record. */
    record Notify(String id, List<Approver> to, String message) implements FlowNode {
        public Notify {
            to = List.copyOf(to);
        }
    }

    /** Writes field values to the record. */
    record Update(String id, Outcome set) implements FlowNode {
    }
}
