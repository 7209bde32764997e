package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.record.RecordPreview;
import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.forms.record.RowValues;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.Action;
import dev.brickwork.runtime.records.sql.SqlValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A form being filled in, as the server would save it (docs/spec.md §4, decision 0030): the same validator computes
 * its formulas and lookups, which fields {@code visibleWhen} hides and {@code readOnlyWhen} locks now, and every problem
 * a save would meet, with the lookups the references bring — so a browser shows live values with the server's exact semantics and writes nothing. An edit is
 * previewed over the stored record, hidden fields included (a formula may read a field the caller cannot see); the
 * answer names only what the caller may see.
 */
@ApplicationScoped
public class RecordPreviews {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    RecordContexts contexts;

    @Inject
    RecordValidator validator;

    @Inject
    Pool pool;

    /** A new record: needs the right to create. */
    public Uni<ObjectNode> ofNew(String appKey, String formKey, JsonNode body, Access access) {
        ObjectNode given = RecordInput.fields(body);
        return contexts.run(appKey, formKey, access, context -> {
            Guard.require(context, Action.CREATE);
            Guard.writable(context, given);
            ObjectNode defaulted = RecordInput.withDefaults(context.published().form(), given);
            return Lookups.fill(pool, context, defaulted).map(fields -> answer(context, fields,
                    validator.preview(context.published().form(), fields, Patches.changedKeys(given), null)));
        });
    }

    /** An edit of a stored record: needs the record in the caller's update scope. */
    public Uni<ObjectNode> ofEdit(String appKey, String formKey, UUID id, JsonNode body, Access access) {
        ObjectNode patch = RecordInput.fields(body);
        return contexts.run(appKey, formKey, access, context -> Guard.load(pool, context, id, false, false)
                .call(row -> Guard.inScope(pool, context, id, Action.UPDATE))
                .chain(row -> {
                    Guard.writable(context, patch);
                    return RecordRows.children(pool, context.table(), id).chain(rows -> {
                        ObjectNode current = RecordJson.fields(context.table(), row, rows);
                        ObjectNode edited = Patches.merge(context.table(), current, patch);
                        return Lookups.fill(pool, context, edited)
                                .map(merged -> answer(context, merged, validator.preview(context.published().form(), merged,
                                        Patches.changedKeys(patch), current)));
                    });
                }));
    }

    /**
     * A draft of a form being designed, filled in with sample values: the same answer as {@link #ofNew} for a
     * form that has no table yet. Lookups stay empty: their records are not read for a sample.
     */
    public static ObjectNode ofDraft(CompiledForm form, JsonNode body, RecordValidator validator) {
        ObjectNode given = RecordInput.fields(body);
        ObjectNode defaulted = RecordInput.withDefaults(form, given);
        return answer(form, Set.of(), defaulted, validator.preview(form, defaulted, Patches.changedKeys(given), null));
    }

    private static ObjectNode answer(RecordContext context, ObjectNode filled, RecordPreview preview) {
        return answer(context.published().form(), context.access().hidden(), filled, preview);
    }

    private static ObjectNode answer(CompiledForm form, Set<String> unseen, ObjectNode filled, RecordPreview preview) {
        ObjectNode answer = JSON.objectNode();
        ObjectNode fields = answer.putObject("fields");
        ObjectNode rows = answer.putObject("rows");
        Map<String, Value> values = preview.validation().values();
        for (FieldDefinition field : form.fields()) {
            String key = field.key();
            if (unseen.contains(key)) {
                continue;
            }
            if (field.type() == FieldType.LOOKUP) {
                fields.set(key, filled.path(key).isMissingNode() ? JSON.nullNode() : filled.get(key));
            } else if (field.type() == FieldType.FORMULA && values.containsKey(key)) {
                fields.set(key, SqlValues.json(values.get(key), field.type()));
            } else if (field.type() == FieldType.SUBTABLE && preview.validation().rows().containsKey(key)) {
                rows.set(key, rowFormulas(form.subtable(key).orElseThrow(), preview.validation().rows().get(key)));
            }
        }
        answer.set("hidden", keys(preview.validation().hidden(), unseen));
        answer.set("readOnly", keys(preview.readOnly(), unseen));
        ArrayNode errors = answer.putArray("errors");
        for (Problem problem : preview.validation().problems()) {
            if (!problem.isError() || pointsInto(problem.pointer(), unseen)) {
                continue;
            }
            errors.addObject().put("pointer", problem.pointer()).put("code", problem.code()).put("message", problem.message());
        }
        return answer;
    }

    /** Each row's formulas, in row order: what a sub-table editor shows in its computed columns. */
    private static ArrayNode rowFormulas(CompiledForm rowForm, List<RowValues> rows) {
        ArrayNode array = JSON.arrayNode();
        for (RowValues row : rows) {
            ObjectNode computed = array.addObject();
            for (FieldDefinition field : rowForm.fields()) {
                if (field.type() == FieldType.FORMULA && row.values().containsKey(field.key())) {
                    computed.set(field.key(), SqlValues.json(row.values().get(field.key()), field.type()));
                }
            }
        }
        return array;
    }

    private static ArrayNode keys(Set<String> keys, Set<String> unseen) {
        ArrayNode array = JSON.arrayNode();
        keys.stream().filter(k -> !unseen.contains(k)).sorted().forEach(array::add);
        return array;
    }

    private static boolean pointsInto(String pointer, Set<String> unseen) {
        for (String key : unseen) {
            if (pointer.equals("/fields/" + key) || pointer.startsWith("/fields/" + key + "/")) {
                return true;
            }
        }
        return false;
    }
}
