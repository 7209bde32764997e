package dev.brickwork.workflow.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The record events that can start a flow. */
public enum TriggerEvent {
    SUBMIT, CREATE, UPDATE;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TriggerEvent> fromJson(String name) {
        return Arrays.stream(values()).filter(e -> e.json().equals(name)).findFirst();
    }
}
