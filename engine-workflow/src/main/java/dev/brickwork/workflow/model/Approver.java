package dev.brickwork.workflow.model;

/** Who decides (or is notified). The runtime resolves each to users when the node is reached. */
public sealed interface Approver {

    /** A user by id. */
    record User(String id) implements Approver {
    }

    /** Every user holding the role. */
    record Role(String key) implements Approver {
    }

    /** The user in a user field of the record (or the system field {@code owner}). */
    record Field(String field) implements Approver {
    }

    /** The manager of the user in a user field of the record. */
    record ManagerOf(String field) implements Approver {
    }

    /** The members of a department by id. */
    record Department(String id) implements Approver {
    }
}
