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
     * @param also      other forms of the app whose live records are compared too, each with its fields mapped
     */
    record Duplicate(String key, List<String> fields, Map<String, NormalizeMode> normalize, DuplicateAction action,
                     List<Also> also) implements RuleDefinition {
        public Duplicate {
            fields = List.copyOf(fields);
            normalize = Map.copyOf(normalize);
            also = List.copyOf(also);
        }

        public Duplicate(String key, List<String> fields, Map<String, NormalizeMode> normalize, DuplicateAction action) {
            this(key, fields, normalize, action, List.of());
        }
    }

    /**
     * Another form a duplicate rule compares against, with the same normalisers.
     *
     * @param fields this form's field key to the other form's field key, in the rule's field order; every field of
     *               the rule is mapped once the definition has no problems
     */
    record Also(String form, Map<String, String> fields) {
        public Also {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }

    enum DuplicateAction { BLOCK, WARN }

    enum NormalizeMode { TEXT, COMPANY, PHONE, EMAIL }
}
