package dev.brickwork.workflow.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What happens when an approval waits too long. */
public enum TimeoutAction {
    REMIND, APPROVE, REJECT, ESCALATE;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TimeoutAction> fromJson(String name) {
        return Arrays.stream(values()).filter(a -> a.json().equals(name)).findFirst();
    }

    /** Remind and escalate leave the tasks open; approve and reject decide them. */
    public boolean decides() {
        return this == APPROVE || this == REJECT;
    }
}
