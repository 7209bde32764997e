package dev.brickwork.forms.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FormDefinition;
import dev.brickwork.forms.read.DefinitionCodes;
import dev.brickwork.forms.read.SourceMap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds lookups and roll-ups of the draft that depend on themselves through the app's computed fields: a lookup
 * reads its reference and the looked-up field, a roll-up its source's via, aggregated and filtered fields, a
 * formula the fields it names. The runtime keeps such fields true by following these edges after each write, so a
 * circle would never settle (a contract's total looked up by its payments and summed back). Circles of formulas
 * alone are FORMULA_CYCLE; any other circle through the draft passes one of its lookups or roll-ups, where it is
 * reported.
 */
final class ComputedCycles {

    /** One field of one form. */
    private record Node(String form, String field) {
    }

    private final FormDefinition draft;
    private final AppForms app;
    private final SourceMap sources;
    private final List<Problem> problems;

    ComputedCycles(FormDefinition draft, AppForms app, SourceMap sources, List<Problem> problems) {
        this.draft = draft;
        this.app = app;
        this.sources = sources;
        this.problems = problems;
    }

    void check() {
        if (draft.key() == null) {
            return;
        }
        for (FieldDefinition field : draft.fields()) {
            if (field.spec() instanceof FieldSpec.Lookup || field.spec() instanceof FieldSpec.Rollup) {
                Node start = new Node(draft.key(), field.key());
                if (reaches(dependencies(start), start)) {
                    problems.add(Problem.error(sources.field(null, field.key()), DefinitionCodes.COMPUTED_CYCLE,
                            "The field depends on itself through lookups, roll-ups or formulas"));
                }
            }
        }
    }

    private boolean reaches(List<Node> from, Node target) {
        Set<Node> seen = new HashSet<>();
        Deque<Node> open = new ArrayDeque<>(from);
        while (!open.isEmpty()) {
            Node node = open.pop();
            if (node.equals(target)) {
                return true;
            }
            if (seen.add(node)) {
                open.addAll(dependencies(node));
            }
        }
        return false;
    }

    /** What a field's value is computed from; nothing for a field people write. */
    private List<Node> dependencies(Node node) {
        List<Node> found = new ArrayList<>();
        if (node.field() == null) {
            return found;
        }
        Optional<FormDefinition> form = app.form(node.form());
        Optional<FieldDefinition> field = form.flatMap(f -> f.field(node.field()));
        if (field.isEmpty()) {
            return found;
        }
        FieldSpec spec = field.get().spec();
        if (spec instanceof FieldSpec.Formula) {
            for (String reference : app.level(form.get()).references(node.field())) {
                // subtable columns are read through aggregates; rows hold no lookups or roll-ups
                if (reference.indexOf('.') < 0) {
                    found.add(new Node(node.form(), reference));
                }
            }
        } else if (spec instanceof FieldSpec.Lookup lookup) {
            found.add(new Node(node.form(), lookup.via()));
            app.referenced(form.get(), lookup.via())
                    .ifPresent(target -> found.add(new Node(target.key(), lookup.field())));
        } else if (spec instanceof FieldSpec.Rollup rollup && rollup.source() != null) {
            found.add(new Node(rollup.source(), rollup.via()));
            if (rollup.field() != null) {
                found.add(new Node(rollup.source(), rollup.field()));
            }
            if (rollup.filter() != null) {
                filterFields(rollup.filter(), rollup.source(), found);
            }
        }
        return found;
    }

    private static void filterFields(JsonNode filter, String form, List<Node> found) {
        JsonNode field = filter.get("field");
        if (field != null && field.isTextual()) {
            found.add(new Node(form, field.textValue()));
        }
        for (Iterator<JsonNode> children = filter.elements(); children.hasNext(); ) {
            JsonNode child = children.next();
            if (child.isContainerNode()) {
                filterFields(child, form, found);
            }
        }
    }
}
