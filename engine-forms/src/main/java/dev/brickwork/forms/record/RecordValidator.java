package dev.brickwork.forms.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.compile.CompiledValidationRule;
import dev.brickwork.forms.expr.Evaluation;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.model.Label;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Validates the {@code fields} object of a record (the full record after a patch was merged) against a compiled form,
 * and computes its formulas. A pure function of its inputs; never throws.
 *
 * <ul>
 * <li>A field hidden by {@code visibleWhen} (evaluated on the record's values; a field that is hidden reads as blank
 *     to the others) is ignored entirely: no problem, its value dropped. A condition that cannot be evaluated leaves
 *     the field visible.</li>
 * <li>Formulas, roll-ups and autonumbers are refused (FIELD_READ_ONLY) only when written, i.e. present and in
 *     {@code changedKeys}; so are fields whose {@code readOnlyWhen} is true on the merged values. A subtable's rows
 *     count as written when the subtable's key is.</li>
 * <li>Blank text, JSON null and an empty list are no value (for {@code required}).</li>
 * <li>A validation rule fails only on false; blank (null) passes, as a SQL CHECK would. A rule on a hidden field is
 *     skipped.</li>
 * </ul>
 */
public final class RecordValidator {

    private final Clock clock;
    private final ZoneId zone;

    /** @param clock and @param zone serve {@code TODAY()} and {@code NOW()} in formulas and conditions */
    public RecordValidator(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Validates a new record, or values as given: every value is checked.
     *
     * @param fields      the record's {@code fields} object as the client sent it
     * @param changedKeys the top-level keys the client wrote; null means all
     */
    public RecordValidation validate(CompiledForm form, JsonNode fields, Set<String> changedKeys) {
        return validate(form, fields, changedKeys, null);
    }

    /**
     * Validates a stored record after a write: only the values the write changes are checked against the field's
     * options, length, range and pattern, and a required field only when the write clears or reveals it. A value the
     * record held before stays as it is, even when the form has changed since.
     *
     * @param fields      the record's {@code fields} after merging a patch
     * @param changedKeys the top-level keys the client wrote (read-only checks)
     * @param stored      the record's {@code fields} before the write; pass {@code fields} itself for a record read
     *                    as stored, null for a new record
     */
    public RecordValidation validate(CompiledForm form, JsonNode fields, Set<String> changedKeys, JsonNode stored) {
        return preview(form, fields, changedKeys, stored).validation();
    }

    /**
     * What a form being filled in shows now, with exactly the semantics of a save: the values (formulas computed),
     * the fields hidden by {@code visibleWhen}, those read-only by {@code readOnlyWhen}, and every problem a save of
     * these values would meet. For a live form: the client sends what the user has typed so far.
     *
     * @param stored the record's {@code fields} as stored, for an edit (only changed values are checked); null for a
     *               new record
     */
    public RecordPreview preview(CompiledForm form, JsonNode fields, Set<String> changedKeys, JsonNode stored) {
        if (fields == null || !fields.isObject()) {
            return new RecordPreview(new RecordValidation(Map.of(), Map.of(), Set.of(), List.of(Problem.error("/fields",
                    RecordCodes.RECORD_NOT_OBJECT, "'fields' must be an object of field key to value"))), Set.of());
        }
        Predicate<String> changed = changedKeys == null ? key -> true : changedKeys::contains;
        LevelCheck top = new LevelCheck(form, fields, "/fields", changed, clock, zone, false,
                stored != null && stored.isObject() ? stored : null).run();
        RecordValidation validation = new RecordValidation(top.values(), top.rowValues(), top.hidden(), problems(form, top));
        return new RecordPreview(validation, top.readOnlyByCondition());
    }

    private List<Problem> problems(CompiledForm form, LevelCheck top) {
        List<Problem> problems = new ArrayList<>(top.problems());
        RecordScope scope = top.scope();
        for (CompiledValidationRule rule : form.validationRules()) {
            String field = rule.rule().field();
            if (field != null && top.hidden().contains(field)) {
                continue;
            }
            Evaluation evaluation = Evaluator.evaluate(rule.expression(), scope);
            String pointer = field == null ? "" : JsonPointers.append("/fields", field);
            if (evaluation instanceof Evaluation.Failed failed) {
                problems.add(Problem.error(pointer, RecordCodes.RULE_FAILED, "Rule '" + rule.rule().key()
                        + "' could not be evaluated: " + failed.problem().message()));
            } else if (evaluation instanceof Evaluation.Ok ok && ok.value() instanceof Value.Bool b && !b.value()) {
                problems.add(Problem.error(pointer, RecordCodes.RULE_FAILED, "Rule '" + rule.rule().key() + "' failed"
                        + message(rule.rule().message())));
            }
        }
        return problems;
    }

    private static String message(Label label) {
        String text = label == null ? null : label.in("en");
        return text == null ? "" : ": " + text;
    }
}
