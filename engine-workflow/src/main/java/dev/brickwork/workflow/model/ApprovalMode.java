package dev.brickwork.workflow.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the approvers of one approval node decide. */
public enum ApprovalMode {
    /** the first decision wins */
    ANY,
    /** countersign: every approver approves; one rejection rejects */
    ALL,
    /** one after the other, in order; one rejection rejects */
    SEQUENTIAL;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ApprovalMode> fromJson(String name) {
        return Arrays.stream(values()).filter(m -> m.json().equals(name)).findFirst();
    }
}
