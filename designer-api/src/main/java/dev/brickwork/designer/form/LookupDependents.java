package dev.brickwork.designer.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.migration.ColumnType;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.compile.CompiledLookup;
import dev.brickwork.forms.compile.FormCompilation;
import dev.brickwork.forms.compile.FormCompiler;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FormDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Other published forms whose lookups read the form being saved (docs/spec.md §2 addition) store the looked-up
 * value in a column of its type. A draft that removes or retypes a looked-up field would leave them compiled
 * against a shape their table does not have, so it is refused at that field until the lookup is changed first.
 */
final class LookupDependents {

    static final String LOOKED_UP_FIELD_CHANGED = "LOOKED_UP_FIELD_CHANGED";

    private LookupDependents() {
    }

    /**
     * @param draft  the draft compiled against the published catalog; nothing is checked while it has errors of its
     *               own (it cannot be published anyway)
     * @param source the draft as sent, for the pointers
     */
    static List<Problem> of(FormCompilation draft, JsonNode source, String formKey, AppCatalog catalog) {
        List<Problem> problems = new ArrayList<>();
        if (draft.form().isEmpty()) {
            return problems;
        }
        CompiledForm next = draft.form().get();
        for (String key : new TreeSet<>(catalog.keys())) {
            Optional<FormDefinition> other = catalog.form(key);
            if (key.equals(formKey) || other.isEmpty() || !looksUp(other.get(), formKey)) {
                continue;
            }
            Optional<CompiledForm> published = catalog.source(key).flatMap(s -> FormCompiler.compile(s, catalog).form());
            for (FieldDefinition field : other.get().fields()) {
                Optional<CompiledLookup> lookup = published.flatMap(f -> f.lookup(field.key()))
                        .filter(l -> l.targetForm().equals(formKey));
                if (lookup.isEmpty()) {
                    continue;
                }
                // the lookup's column holds the looked-up field's type: the draft must store that field the same way
                Optional<ColumnType> was = ColumnType.of(field, published.get());
                Optional<ColumnType> will = next.field(lookup.get().targetField()).flatMap(f -> ColumnType.of(f, next));
                if (!was.equals(will)) {
                    problems.add(Problem.error(pointer(source, lookup.get().targetField()), LOOKED_UP_FIELD_CHANGED,
                            "The form '" + key + "' looks up this field as it is published; change or remove that"
                                    + " lookup first"));
                }
            }
        }
        return problems;
    }

    private static boolean looksUp(FormDefinition form, String target) {
        return form.fields().stream().anyMatch(field -> field.spec() instanceof FieldSpec.Lookup lookup
                && form.field(lookup.via() == null ? "" : lookup.via())
                .filter(via -> via.spec() instanceof FieldSpec.Reference r && target.equals(r.target())).isPresent());
    }

    /** The looked-up field in the draft, or the field list when the draft removed it. */
    private static String pointer(JsonNode source, String field) {
        JsonNode fields = source.path("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (field.equals(fields.get(i).path("key").asText())) {
                return "/fields/" + i;
            }
        }
        return "/fields";
    }
}
