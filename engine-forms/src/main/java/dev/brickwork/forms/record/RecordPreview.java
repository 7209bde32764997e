package dev.brickwork.forms.record;

import java.util.Set;

/**
 * A record as a live form shows it while it is filled in: its validation (values with formulas computed, fields
 * hidden by {@code visibleWhen}, problems) and the fields {@code readOnlyWhen} locks now.
 */
public record RecordPreview(RecordValidation validation, Set<String> readOnly) {

    public RecordPreview {
        readOnly = Set.copyOf(readOnly);
    }
}
