package dev.brickwork.forms.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The field types of SPEC §2, by their JSON name. */
public enum FieldType {
    TEXT, TEXTAREA, NUMBER, MONEY, PERCENT, BOOLEAN, DATE, DATETIME, SELECT, MULTISELECT,
    EMAIL, PHONE, URL, USER, DEPARTMENT, REFERENCE, SUBTABLE, FORMULA, ROLLUP, AUTONUMBER, ATTACHMENT;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> fromJson(String name) {
        return Arrays.stream(values()).filter(t -> t.json().equals(name)).findFirst();
    }

    /** Computed by the platform; clients never write these. */
    public boolean isComputed() {
        return this == FORMULA || this == ROLLUP || this == AUTONUMBER;
    }
}
