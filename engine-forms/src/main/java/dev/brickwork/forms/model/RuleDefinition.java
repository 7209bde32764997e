package dev.brickwork.forms.model;

import java.util.List;
import java.util.Map;

/** A form-level rule. */
public sealed interface RuleDefinition {

    String key();

    /**
     * The record is invalid while {@code expression} is false.
     *
     * @param field the field the error is reported on, or null for the record as a whole
     */
    record Validation(String key, String expression, String field, Label message) implements RuleDefinition {
    }

    /**
     * Two live records whose {@code fields}, after normalising, are all equal and non-blank are duplicates.
     *
     * @param normalize field key to normaliser; a field not listed is compared exactly
     */
    record Duplicate(String key, List<String> fields, Map<String, NormalizeMode> normalize, DuplicateAction action)
            implements RuleDefinition {
        public Duplicate {
            fields = List.copyOf(fields);
            normalize = Map.copyOf(normalize);
        }
    }

    enum DuplicateAction { BLOCK, WARN }

    enum NormalizeMode { TEXT, COMPANY, PHONE, EMAIL }
}
