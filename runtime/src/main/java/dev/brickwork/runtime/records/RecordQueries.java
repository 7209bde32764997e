package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.forms.record.RecordValidation;
import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.records.sql.SqlValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

/** Reading records: one record, its timeline, and what duplicate rules would match. */
@ApplicationScoped
public class RecordQueries {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    Pool pool;

    @Inject
    PublishedForms publishedForms;

    private final RecordValidator validator = new RecordValidator(Clock.systemUTC(), ZoneId.systemDefault());

    public Uni<ObjectNode> get(String appKey, String formKey, UUID id) {
        return RecordContext.of(publishedForms, appKey, formKey).chain(context -> RecordRows.load(pool, context.table(), id, false)
                .chain(row -> {
                    if (row == null || row.getValue("deleted_at") != null) {
                        throw notFound();
                    }
                    return RecordRows.children(pool, context.table(), id).map(rows -> RecordJson.record(context.table(), row, rows));
                }));
    }

    /** Every change of the record, newest first; deleted records keep their timeline. */
    public Uni<ObjectNode> timeline(String appKey, String formKey, UUID id) {
        return RecordContext.of(publishedForms, appKey, formKey).chain(context -> RecordRows.load(pool, context.table(), id, false)
                .chain(row -> {
                    if (row == null) {
                        throw notFound();
                    }
                    return pool.preparedQuery("SELECT id, version, action, actor, at, diff::text FROM brickwork.record_changes"
                                    + " WHERE app_key = $1 AND form_key = $2 AND record_id = $3 ORDER BY at DESC, version DESC")
                            .execute(Tuple.of(appKey, formKey, id))
                            .map(rows -> {
                                ArrayNode items = JSON.arrayNode();
                                for (Row change : rows) {
                                    ObjectNode item = items.addObject();
                                    item.put("id", change.getUUID("id").toString());
                                    item.put("version", change.getInteger("version"));
                                    item.put("action", change.getString("action"));
                                    UUID actor = change.getUUID("actor");
                                    item.put("by", actor == null ? null : actor.toString());
                                    item.put("at", SqlValues.instant(change.getOffsetDateTime("at")));
                                    item.set("changes", JsonBodies.parse(change.getString("diff")));
                                }
                                ObjectNode result = JSON.objectNode();
                                result.set("items", items);
                                return result;
                            });
                }));
    }

    /** The live records each duplicate rule matches for these values (the pre-check a form runs before saving). */
    public Uni<ObjectNode> duplicates(String appKey, String formKey, JsonNode body) {
        var fields = RecordInput.fields(body);
        return RecordContext.of(publishedForms, appKey, formKey).chain(context -> {
            RecordValidation validation = validator.validate(context.published().form(), fields, java.util.Set.of());
            return Integrity.duplicates(pool, context.table(), validation.values(), null).map(matches -> {
                ArrayNode items = JSON.arrayNode();
                for (Integrity.Match match : matches) {
                    ObjectNode item = items.addObject();
                    item.put("rule", match.rule().key());
                    item.put("action", match.rule().action().name().toLowerCase(java.util.Locale.ROOT));
                    ArrayNode records = item.putArray("records");
                    match.records().forEach(r -> records.add(r.toString()));
                }
                ObjectNode result = JSON.objectNode();
                result.set("items", items);
                return result;
            });
        });
    }

    static ProblemException notFound() {
        return new ProblemException(RecordProblem.RECORD_NOT_FOUND, "There is no such record.");
    }
}
