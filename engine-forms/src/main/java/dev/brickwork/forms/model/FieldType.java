package dev.brickwork.forms.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The field types of docs/spec.md §2, by their JSON name. */
public enum FieldType {
    TEXT, TEXTAREA, NUMBER, MONEY, PERCENT, BOOLEAN, DATE, DATETIME, SELECT, MULTISELECT,
    EMAIL, PHONE, URL, USER, DEPARTMENT, REFERENCE, SUBTABLE, FORMULA, ROLLUP, AUTONUMBER, ATTACHMENT,
    /** a field of the record a reference field points at, copied and kept true (addition to docs/spec.md §2) */
    LOOKUP;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> fromJson(String name) {
        return Arrays.stream(values()).filter(t -> t.json().equals(name)).findFirst();
    }

    /**
     * Whether a {@code sensitive} field of this type can be stored encrypted (its value has one canonical text); the
     * others cannot be marked sensitive.
     */
    public boolean encryptable() {
        return switch (this) {
            case TEXT, TEXTAREA, EMAIL, PHONE, URL, NUMBER, MONEY, PERCENT, DATE, DATETIME, SELECT -> true;
            default -> false;
        };
    }

    /** Whether a duplicate rule can compare this type (subtables, formulas and attachments have no single value to). */
    public boolean duplicateComparable() {
        return this != SUBTABLE && this != FORMULA && this != ATTACHMENT;
    }

    /** Computed by the platform; clients never write these. */
    public boolean isComputed() {
        return this == FORMULA || this == ROLLUP || this == AUTONUMBER || this == LOOKUP;
    }
}
