package dev.brickwork.forms.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/** The properties particular to a field type. Which record goes with which type is fixed by {@link #forType}. */
public sealed interface FieldSpec {

    /** textarea, boolean, date, datetime, email, phone, url, user, department, attachment. */
    record None() implements FieldSpec {
    }

    /** text: both optional. */
    record Text(Integer maxLength, String pattern) implements FieldSpec {
    }

    /** number and percent: {@code scale} is the number of decimals kept (null = as given). */
    record Number(boolean integer, BigDecimal min, BigDecimal max, Integer scale) implements FieldSpec {
    }

    /** money: exact decimal; {@code currency} an ISO 4217 code or null. */
    record Money(String currency, BigDecimal min, BigDecimal max) implements FieldSpec {
    }

    /** select and multiselect. */
    record Choice(List<SelectOption> options) implements FieldSpec {
        public Choice {
            options = List.copyOf(options);
        }
    }

    /** reference: {@code target} is a form key in the same app. */
    record Reference(String target) implements FieldSpec {
    }

    /** subtable: nested fields, no nested subtables. */
    record Subtable(List<FieldDefinition> fields) implements FieldSpec {
        public Subtable {
            fields = List.copyOf(fields);
        }
    }

    /** formula: computed, read-only. */
    record Formula(String expression) implements FieldSpec {
    }

    /**
     * rollup: aggregates records of form {@code source} whose reference field {@code via} points at this record.
     * {@code field} is null only for {@code count}. {@code filter} (addition to docs/spec.md §2), when not null, is a
     * filter of the records list language (docs/spec.md §4) over the source form's fields: only the source records
     * it matches are aggregated. It is kept as the JSON written; the compiler checks it against the source form.
     */
    record Rollup(String source, String via, Aggregate aggregate, String field, JsonNode filter) implements FieldSpec {
        public Rollup {
            filter = filter == null ? null : filter.deepCopy();
        }

        public Rollup(String source, String via, Aggregate aggregate, String field) {
            this(source, via, aggregate, field, null);
        }
    }

    /**
     * autonumber: a pattern with {yyyy}, {MM}, {dd} and {seq:N}. The sequence counts per pattern with the date
     * placeholders filled in, so it starts again at 1 whenever the filled-in text changes (a new day with {dd}).
     */
    record Autonumber(String pattern) implements FieldSpec {
    }

    /**
     * lookup (addition to docs/spec.md §2): the value of {@code field} of the record that this form's reference field
     * {@code via} points at, stored in this record and kept true when that record changes.
     */
    record Lookup(String via, String field) implements FieldSpec {
    }

    enum Aggregate { SUM, COUNT, AVG, MIN, MAX }
}
