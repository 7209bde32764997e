package dev.brickwork.runtime.records;

import java.util.Arrays;
import java.util.Locale;

/** A record's {@code approval} (docs/spec.md §5), stored in the system column of the same name. */
public enum ApprovalState {
    NONE, PENDING, APPROVED, REJECTED, WITHDRAWN;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApprovalState of(String stored) {
        return Arrays.stream(values()).filter(s -> s.json().equals(stored)).findFirst().orElse(NONE);
    }

    /** The SQL assignment; the value comes from this enum, never from input. */
    String assignment() {
        return "approval = '" + json() + "'";
    }
}
