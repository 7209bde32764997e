package dev.brickwork.forms.compile;

import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FormDefinition;
import dev.brickwork.forms.model.RuleDefinition;
import dev.brickwork.forms.read.DefinitionCodes;
import dev.brickwork.forms.read.SourceMap;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the {@code also} of duplicate rules against the app's other forms: the form exists, and each mapped field
 * is a top-level field stored the way this form's field is, so one comparison (and one index) serves both.
 */
final class DuplicateAlsoChecks {

    private final FormDefinition form;
    private final FormCatalog catalog;
    private final SourceMap sources;
    private final List<Problem> problems;

    DuplicateAlsoChecks(FormDefinition form, FormCatalog catalog, SourceMap sources, List<Problem> problems) {
        this.form = form;
        this.catalog = catalog;
        this.sources = sources;
        this.problems = problems;
    }

    void check() {
        for (RuleDefinition rule : form.rules()) {
            if (rule instanceof RuleDefinition.Duplicate duplicate) {
                for (int i = 0; i < duplicate.also().size(); i++) {
                    check(duplicate, duplicate.also().get(i),
                            JsonPointers.append(JsonPointers.append(sources.rule(rule.key()), "also"), i));
                }
            }
        }
    }

    private void check(RuleDefinition.Duplicate rule, RuleDefinition.Also also, String pointer) {
        Optional<FormDefinition> other = also.form().equals(form.key()) ? Optional.empty() : catalog.form(also.form());
        if (other == null || other.isEmpty()) {
            problems.add(Problem.error(JsonPointers.append(pointer, "form"), DefinitionCodes.DUPLICATE_ALSO_UNKNOWN_FORM,
                    "No other published form of this app has this key"));
            return;
        }
        for (Map.Entry<String, String> mapping : also.fields().entrySet()) {
            String at = JsonPointers.append(JsonPointers.append(pointer, "fields"), mapping.getKey());
            Optional<FieldDefinition> mine = form.field(mapping.getKey());
            Optional<FieldDefinition> theirs = other.get().field(mapping.getValue());
            if (theirs.isEmpty() || !theirs.get().type().duplicateComparable()) {
                problems.add(Problem.error(at, DefinitionCodes.DUPLICATE_ALSO_FIELD_UNKNOWN,
                        "The other form has no top-level field of this key that can be compared"));
            } else if (mine.isPresent() && !comparable(mine.get(), theirs.get())) {
                problems.add(Problem.error(at, DefinitionCodes.DUPLICATE_ALSO_TYPE_MISMATCH,
                        "The other form's field is stored differently (type, reference target or sensitivity)"));
            }
        }
    }

    /**
     * Fields compare when they are stored alike. Sensitive fields compare by their keyed hash, which is of the
     * value's canonical text: they must have the same type too.
     */
    private static boolean comparable(FieldDefinition mine, FieldDefinition theirs) {
        if (mine.sensitive() != theirs.sensitive()) {
            return false;
        }
        if (mine.sensitive()) {
            return mine.type() == theirs.type();
        }
        return storedAs(mine).equals(storedAs(theirs));
    }

    private static String storedAs(FieldDefinition field) {
        return switch (field.type()) {
            case TEXT, TEXTAREA, EMAIL, PHONE, URL, SELECT, AUTONUMBER -> "text";
            case NUMBER, MONEY, PERCENT, ROLLUP -> "number";
            case REFERENCE -> "reference:" + (field.spec() instanceof FieldSpec.Reference r ? r.target() : "");
            default -> field.type().json();
        };
    }
}
