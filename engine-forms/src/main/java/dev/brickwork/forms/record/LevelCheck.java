package dev.brickwork.forms.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.compile.CompiledFormula;
import dev.brickwork.forms.expr.CompiledExpression;
import dev.brickwork.forms.expr.Evaluation;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.expr.ValueScope;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldType;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Validates one level of a record: the top-level fields, or one subtable row. Values are read first with their
 * problems held per field, visibility is settled on those values, and only visible fields report anything.
 * When the level was stored before ({@code stored}), only the values this write changes are checked: a value the
 * record already held is read by its type alone, so an edit never fails on a value it did not touch (decision 0014).
 */
final class LevelCheck {

    private final CompiledForm form;
    private final JsonNode input;
    private final String pointer;
    private final Predicate<String> changed;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean row;
    /** the level as stored before this write, or null when it is new (everything in it is written now) */
    private final JsonNode stored;

    /** what was sent, typed; invalid values are absent */
    private final Map<String, Value> read = new HashMap<>();
    /** the values expressions see: {@link #read} without hidden fields, plus formulas */
    private final Map<String, Value> scope = new HashMap<>();
    private final Map<String, List<Problem>> held = new HashMap<>();
    private final Map<String, List<LevelCheck>> rows = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private Set<String> hidden = Set.of();
    /** the fields the stored level hid, computed when a required check needs it */
    private Set<String> hiddenBefore;

    LevelCheck(CompiledForm form, JsonNode input, String pointer, Predicate<String> changed, Clock clock, ZoneId zone,
               boolean row, JsonNode stored) {
        this.form = form;
        this.stored = stored;
        this.input = input;
        this.pointer = pointer;
        this.changed = changed;
        this.clock = clock;
        this.zone = zone;
        this.row = row;
    }

    /** Runs the checks of this level; rules are the caller's, since only the top level has them. */
    LevelCheck run() {
        unknownKeys();
        for (FieldDefinition field : form.fields()) {
            readField(field);
        }
        settleVisibility();
        for (FieldDefinition field : form.fields()) {
            if (!hidden.contains(field.key())) {
                report(field);
            }
        }
        computeFormulas(true);
        return this;
    }

    List<Problem> problems() {
        return problems;
    }

    Set<String> hidden() {
        return hidden;
    }

    /** The visible fields of this level whose {@code readOnlyWhen} is true on the values as they are now. */
    Set<String> readOnlyByCondition() {
        Set<String> locked = new java.util.LinkedHashSet<>();
        for (FieldDefinition field : form.fields()) {
            if (!hidden.contains(field.key()) && form.readOnlyWhen(field.key()).map(e -> isTrue(e, false)).orElse(false)) {
                locked.add(field.key());
            }
        }
        return locked;
    }

    RecordScope scope() {
        Map<String, List<ValueScope>> rowScopes = new HashMap<>();
        rows.forEach((key, checks) -> rowScopes.put(key, hidden.contains(key)
                ? List.of() : checks.stream().map(c -> (ValueScope) c.scope()).toList()));
        return new RecordScope(scope, rowScopes, clock, zone);
    }

    /** The values to store: visible, valid, not kept by the platform. */
    Map<String, Value> values() {
        Map<String, Value> values = new LinkedHashMap<>();
        for (FieldDefinition field : form.fields()) {
            String key = field.key();
            boolean kept = field.type() == FieldType.ROLLUP || field.type() == FieldType.AUTONUMBER
                    || field.type() == FieldType.SUBTABLE;
            if (!kept && !hidden.contains(key) && held.getOrDefault(key, List.of()).isEmpty() && scope.containsKey(key)) {
                values.put(key, scope.get(key));
            }
        }
        return values;
    }

    Map<String, List<RowValues>> rowValues() {
        Map<String, List<RowValues>> result = new LinkedHashMap<>();
        for (FieldDefinition field : form.fields()) {
            if (rows.containsKey(field.key()) && !hidden.contains(field.key())) {
                result.put(field.key(), rows.get(field.key()).stream()
                        .map(c -> new RowValues(c.rowId(), c.values(), c.hidden())).toList());
            }
        }
        return result;
    }

    private Optional<String> rowId() {
        JsonNode id = input.get("id");
        return id != null && id.isTextual() ? Optional.of(id.textValue()) : Optional.empty();
    }

    private void unknownKeys() {
        for (Iterator<String> names = input.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (row && name.equals("id")) {
                JsonNode id = input.get(name);
                if (!id.isNull() && !id.isTextual()) {
                    problems.add(Problem.error(JsonPointers.append(pointer, name), RecordCodes.FIELD_TYPE_MISMATCH,
                            "A row id must be a string"));
                }
            } else if (form.field(name).isEmpty()) {
                problems.add(Problem.error(JsonPointers.append(pointer, name), RecordCodes.FIELD_UNKNOWN,
                        "The form has no field with this key"));
            }
        }
    }

    private void readField(FieldDefinition field) {
        String key = field.key();
        JsonNode node = input.get(key);
        boolean written = node != null && changed.test(key);
        if (field.type().isComputed() && written) {
            hold(key, RecordCodes.FIELD_READ_ONLY, "The field is computed and cannot be written");
        }
        if (field.type() == FieldType.FORMULA) {
            return;
        }
        if (field.type() == FieldType.SUBTABLE) {
            readRows(field, node);
            return;
        }
        if (field.type() == FieldType.LOOKUP) {
            // the platform fills a lookup from the referenced record: read by the looked-up field's type alone
            form.lookup(key).map(lookup -> FieldValues.stored(lookup.valueField(), node))
                    .filter(FieldValues.Outcome.Ok.class::isInstance)
                    .ifPresent(outcome -> read.put(key, ((FieldValues.Outcome.Ok) outcome).value()));
            return;
        }
        FieldValues.Outcome outcome = untouched(key) ? FieldValues.stored(field, node) : FieldValues.read(field, node);
        if (outcome instanceof FieldValues.Outcome.Ok ok) {
            read.put(key, ok.value());
        } else if (outcome instanceof FieldValues.Outcome.Invalid invalid && !field.type().isComputed() && !untouched(key)) {
            // a computed field's stored value comes from the platform; if it does not read, it is just not in scope
            hold(key, invalid.code(), invalid.message());
        }
    }

    private void readRows(FieldDefinition field, JsonNode node) {
        List<LevelCheck> checks = new ArrayList<>();
        rows.put(field.key(), checks);
        CompiledForm rowForm = form.subtable(field.key()).orElse(null);
        if (node == null || node.isNull() || rowForm == null) {
            return;
        }
        String subPointer = JsonPointers.append(pointer, field.key());
        if (!node.isArray()) {
            hold(field.key(), RecordCodes.FIELD_TYPE_MISMATCH, "The value must be an array of rows");
            return;
        }
        boolean subChanged = changed.test(field.key());
        Map<String, JsonNode> storedRows = StoredLevel.rowsById(stored, field.key());
        for (int i = 0; i < node.size(); i++) {
            String rowPointer = JsonPointers.append(subPointer, i);
            if (!node.get(i).isObject()) {
                held.computeIfAbsent(field.key(), k -> new ArrayList<>()).add(Problem.error(rowPointer,
                        RecordCodes.FIELD_TYPE_MISMATCH, "A row must be an object"));
                continue;
            }
            JsonNode id = node.get(i).get("id");
            JsonNode storedRow = id != null && id.isTextual() ? storedRows.get(id.textValue()) : null;
            LevelCheck check = new LevelCheck(rowForm, node.get(i), rowPointer, k -> subChanged, clock, zone, true, storedRow)
                    .run();
            checks.add(check);
            held.computeIfAbsent(field.key(), k -> new ArrayList<>()).addAll(check.problems());
        }
    }

    /** Hidden fields read as blank, which may hide others in turn; repeat until nothing changes. */
    private void settleVisibility() {
        for (int round = 0; round <= form.fields().size(); round++) {
            rebuildScope();
            Set<String> next = new HashSet<>();
            for (FieldDefinition field : form.fields()) {
                if (form.visibleWhen(field.key()).map(e -> !isTrue(e, true)).orElse(false)) {
                    next.add(field.key());
                }
            }
            if (next.equals(hidden)) {
                return;
            }
            hidden = next;
        }
        // conditions that keep flipping each other: the last answer stands
        rebuildScope();
    }

    private void rebuildScope() {
        scope.clear();
        read.forEach((key, value) -> scope.put(key, hidden.contains(key) ? Value.NULL : value));
        computeFormulas(false);
    }

    private void report(FieldDefinition field) {
        String key = field.key();
        List<Problem> fieldProblems = held.getOrDefault(key, List.of());
        JsonNode node = input.get(key);
        boolean lockedByCondition = node != null && changed.test(key)
                && form.readOnlyWhen(key).map(e -> isTrue(e, false)).orElse(false);
        if (lockedByCondition) {
            problems.add(Problem.error(fieldPointer(key), RecordCodes.FIELD_READ_ONLY, "The field is read-only now"));
            return;
        }
        problems.addAll(fieldProblems);
        if (fieldProblems.isEmpty() && field.required() && !field.type().isComputed() && isBlank(field)
                && (!untouched(key) || revealed(key))) {
            problems.add(Problem.error(fieldPointer(key), RecordCodes.FIELD_REQUIRED, "A value is required"));
        }
    }

    private boolean untouched(String key) {
        return StoredLevel.untouched(form, stored, input, key);
    }

    /** True when the stored record hid the field and this write shows it: a required field must get its value now. */
    private boolean revealed(String key) {
        if (hiddenBefore == null) {
            LevelCheck before = new LevelCheck(form, stored, pointer, k -> false, clock, zone, row, stored);
            form.fields().forEach(before::readField);
            before.settleVisibility();
            hiddenBefore = before.hidden;
        }
        return hiddenBefore.contains(key);
    }

    private boolean isBlank(FieldDefinition field) {
        if (field.type() == FieldType.SUBTABLE) {
            return rows.getOrDefault(field.key(), List.of()).isEmpty();
        }
        return read.getOrDefault(field.key(), Value.NULL) instanceof Value.Null;
    }

    private void computeFormulas(boolean report) {
        RecordScope values = scope();
        for (CompiledFormula formula : form.formulas()) {
            if (hidden.contains(formula.key())) {
                scope.put(formula.key(), Value.NULL);
                continue;
            }
            Evaluation evaluation = Evaluator.evaluate(formula.expression(), values);
            if (evaluation instanceof Evaluation.Ok ok) {
                scope.put(formula.key(), ok.value());
            } else {
                scope.remove(formula.key());
                if (report && evaluation instanceof Evaluation.Failed failed) {
                    problems.add(Problem.error(fieldPointer(formula.key()), RecordCodes.FORMULA_FAILED,
                            "The formula could not be computed: " + failed.problem().message()));
                }
            }
        }
    }

    /** Whether a condition holds; when it cannot be evaluated, {@code otherwise}. */
    private boolean isTrue(CompiledExpression condition, boolean otherwise) {
        Evaluation evaluation = Evaluator.evaluate(condition, scope());
        if (evaluation instanceof Evaluation.Ok ok) {
            return ok.value() instanceof Value.Bool b && b.value();
        }
        return otherwise;
    }

    private void hold(String key, String code, String message) {
        held.computeIfAbsent(key, k -> new ArrayList<>()).add(Problem.error(fieldPointer(key), code, message));
    }

    private String fieldPointer(String key) {
        return JsonPointers.append(pointer, key);
    }
}
