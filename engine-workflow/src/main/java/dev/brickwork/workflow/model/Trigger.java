package dev.brickwork.workflow.model;

/**
 * When a flow starts.
 *
 * @param when a BOOLEAN expression over the record, or null for always
 */
public record Trigger(TriggerEvent on, String when) {
}
