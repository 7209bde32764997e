package dev.brickwork.runtime.access;

/** What a caller may do with one field; a union of roles takes the most open. */
public enum FieldAccess {
    HIDDEN, READONLY, FULL;

    public FieldAccess widest(FieldAccess other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
