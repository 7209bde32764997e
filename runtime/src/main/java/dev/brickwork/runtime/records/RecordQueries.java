package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.record.RecordValidation;
import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.Action;
import dev.brickwork.runtime.crypto.SealedJson;
import dev.brickwork.runtime.records.sql.SqlValues;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Reading records: one record, its timeline, and what duplicate rules would match, all within the read scope. */
@ApplicationScoped
public class RecordQueries {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    Pool pool;

    @Inject
    RecordContexts contexts;

    @Inject
    RecordValidator validator;

    public Uni<ObjectNode> get(String appKey, String formKey, UUID id, Access access) {
        return contexts.run(appKey, formKey, access, context ->
                Guard.load(pool, context, id, false, false).chain(row -> RecordRows.children(pool, context.table(), id)
                        .map(rows -> TodaysFormulas.apply(context, validator, RecordJson.record(context.visible(), row, rows)))));
    }

    /**
     * Every change of the record, newest first, without the fields the caller may not see (a hidden sensitive field's
     * sealed values are never opened for them); the recycle bin's too.
     */
    public Uni<ObjectNode> timeline(String appKey, String formKey, UUID id, Access access) {
        return contexts.run(appKey, formKey, access, context -> Guard.load(pool, context, id, false, null)
                .chain(row -> pool.preparedQuery("SELECT id, version, action, actor, at, diff::text, detail::text FROM brickwork.record_changes"
                                + " WHERE app_key = $1 AND form_key = $2 AND record_id = $3 ORDER BY at DESC, version DESC")
                        .execute(Tuple.of(appKey, formKey, id))
                        .map(rows -> {
                            ObjectNode result = JSON.objectNode();
                            ArrayNode items = result.putArray("items");
                            for (Row change : rows) {
                                ObjectNode item = items.addObject();
                                item.put("id", change.getUUID("id").toString());
                                item.put("version", change.getInteger("version"));
                                item.put("action", change.getString("action"));
                                UUID actor = change.getUUID("actor");
                                item.put("by", actor == null ? null : actor.toString());
                                item.put("at", SqlValues.instant(change.getOffsetDateTime("at")));
                                ObjectNode changes = (ObjectNode) JsonBodies.parse(change.getString("diff"));
                                changes.remove(context.access().hidden());
                                // sensitive values are sealed at rest; a caller who sees the field sees them opened
                                item.set("changes", SealedJson.replaceSealed(changes,
                                        sealed -> SealedJson.open(context.table().cipherIfAny(), sealed)));
                                String detail = change.getString("detail");
                                if (detail != null) {
                                    item.set("detail", JsonBodies.parse(detail));
                                }
                            }
                            return result;
                        })));
    }

    /** The live records each duplicate rule matches for these values, as far as the caller may read them. */
    public Uni<ObjectNode> duplicates(String appKey, String formKey, JsonNode body, Access access) {
        var fields = RecordInput.fields(body);
        return contexts.run(appKey, formKey, access, context -> {
            Guard.require(context, Action.READ);
            Guard.writable(context, fields);
            RecordValidation validation = validator.validate(context.published().form(), fields, Set.of());
            return Integrity.duplicates(pool, context, validation.values(), null, null)
                    .onItem().transformToMulti(matches -> Multi.createFrom().iterable(matches))
                    .onItem().transformToUniAndConcatenate(match -> Guard.visible(pool, context, match))
                    // a warning about records the caller cannot see would tell them those records exist
                    .filter(match -> !match.records().isEmpty()
                            || match.rule().action() == dev.brickwork.forms.model.RuleDefinition.DuplicateAction.BLOCK)
                    .collect().asList()
                    .map(matches -> {
                        ObjectNode result = JSON.objectNode();
                        ArrayNode items = result.putArray("items");
                        for (Integrity.Match match : matches) {
                            ObjectNode item = items.addObject();
                            item.put("rule", match.rule().key());
                            item.put("form", match.form());
                            item.put("action", match.rule().action().name().toLowerCase(Locale.ROOT));
                            ArrayNode records = item.putArray("records");
                            match.records().forEach(r -> records.add(r.toString()));
                        }
                        return result;
                    });
        });
    }

    public static ProblemException notFound() {
        return new ProblemException(RecordProblem.RECORD_NOT_FOUND, "There is no such record.");
    }
}
