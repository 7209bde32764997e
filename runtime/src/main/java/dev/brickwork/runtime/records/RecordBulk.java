package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.ProblemDetail;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.records.query.ListRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One change applied to many records (docs/spec.md §4 addition): an update of the same fields, a hand-over to another
 * owner, or a delete to the recycle bin, on chosen records or on every record a filter matches. Each record goes
 * through the single-record command, so it is checked, audited and refused exactly as that would be; one record's
 * refusal stops nothing but itself, and the answer lists each with its problem.
 */
@ApplicationScoped
public class RecordBulk {

    public static final int MAX_RECORDS = 5000;
    private static final int PAGE = 500;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Logger LOG = Logger.getLogger(RecordBulk.class);

    @Inject
    RecordCommands commands;

    @Inject
    RecordLifecycle lifecycle;

    @Inject
    RecordList list;

    /** What the body asks for, read and checked before any record is touched. */
    private record Order(String action, List<UUID> ids, ListRequest matching, ObjectNode change) {
    }

    public Uni<ObjectNode> run(String appKey, String formKey, JsonNode body, Access access) {
        return list.check(appKey, formKey, ListRequest.firstPage(), access).chain(visible -> {
            Order order = read(body, Set.copyOf(visible), access.form(appKey, formKey).readOnly());
            Uni<List<UUID>> targets = order.ids() != null ? Uni.createFrom().item(order.ids())
                    : matching(appKey, formKey, order.matching(), access, new ArrayList<>(), null);
            return targets.chain(ids -> apply(appKey, formKey, order, ids, access));
        });
    }

    private Uni<ObjectNode> apply(String appKey, String formKey, Order order, List<UUID> ids, Access access) {
        ObjectNode answer = JSON.objectNode();
        answer.put("matched", ids.size());
        ArrayNode done = answer.putArray("done");
        ArrayNode refused = answer.putArray("refused");
        return Multi.createFrom().iterable(ids)
                // deferred: a command may refuse before it makes its Uni, and that is this record's refusal alone
                .onItem().transformToUniAndConcatenate(id -> Uni.createFrom().deferred(() -> one(appKey, formKey, order, id, access))
                        .map(ignored -> done.add(id.toString()))
                        .onFailure().recoverWithItem(failure -> refused.add(refusal(id, failure))))
                .collect().last().replaceWith(answer);
    }

    private Uni<?> one(String appKey, String formKey, Order order, UUID id, Access access) {
        return switch (order.action()) {
            case "delete" -> lifecycle.delete(appKey, formKey, id, null, access);
            default -> commands.update(appKey, formKey, id, order.change(), null, access);
        };
    }

    /** Every id the query matches, in the list's default order, refusing past {@link #MAX_RECORDS}. */
    private Uni<List<UUID>> matching(String appKey, String formKey, ListRequest query, Access access, List<UUID> ids, String cursor) {
        ListRequest page = new ListRequest(null, null, query.q(), Integer.toString(PAGE), cursor, false, false, query.filterObject());
        return list.page(appKey, formKey, page, access).chain(result -> {
            result.path("items").forEach(item -> ids.add(UUID.fromString(item.path("id").asText())));
            if (ids.size() > MAX_RECORDS) {
                throw new ProblemException(CommonProblem.REQUEST_INVALID, "Too many records match.",
                        List.of(ProblemError.of("/matching", "BULK_TOO_MANY",
                                "At most " + MAX_RECORDS + " records change at once; narrow the filter.")));
            }
            String next = result.path("nextCursor").asText(null);
            return next == null ? Uni.createFrom().item(ids) : matching(appKey, formKey, query, access, ids, next);
        });
    }

    private static ObjectNode refusal(UUID id, Throwable failure) {
        ObjectNode refusal = JSON.objectNode();
        refusal.put("id", id.toString());
        if (failure instanceof ProblemException problem) {
            ProblemDetail detail = problem.toDetail();
            refusal.put("status", detail.status());
            refusal.put("code", detail.code());
            refusal.put("detail", detail.detail());
            ArrayNode errors = refusal.putArray("errors");
            detail.errors().forEach(error -> errors.addObject().put("pointer", error.pointer()).put("code", error.code())
                    .put("message", error.message()));
        } else {
            LOG.errorf(failure, "bulk change of record %s failed", id);
            refusal.put("status", 500);
            refusal.put("code", CommonProblem.INTERNAL.name());
            refusal.put("detail", CommonProblem.INTERNAL.title());
        }
        return refusal;
    }

    private static Order read(JsonNode body, Set<String> visible, Set<String> readOnly) {
        List<ProblemError> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw new ProblemException(CommonProblem.REQUEST_INVALID, "A bulk change is a JSON object.",
                    List.of(ProblemError.of("", "BODY_NOT_OBJECT", "A bulk change is a JSON object.")));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!Set.of("action", "ids", "matching", "fields", "owner").contains(name)) {
                errors.add(ProblemError.of(JsonPointers.append("", name), "PROPERTY_UNKNOWN",
                        "A bulk change has action, ids or matching, and fields (update) or owner (handOver)."));
            }
        });
        String action = body.path("action").asText("");
        ObjectNode change = JSON.objectNode();
        switch (action) {
            case "update" -> change.set("fields", fields(body.path("fields"), visible, readOnly, errors));
            case "handOver" -> {
                if (!body.path("owner").isTextual() || uuid(body.path("owner").asText()) == null) {
                    errors.add(ProblemError.of("/owner", "BULK_OWNER_INVALID", "A hand-over names the new owner's user id."));
                }
                change.set("owner", body.path("owner"));
                change.putObject("fields");
            }
            case "delete" -> { }
            default -> errors.add(ProblemError.of("/action", "BULK_ACTION_INVALID", "action is update, handOver or delete."));
        }
        List<UUID> ids = null;
        ListRequest matching = null;
        if (body.has("ids") == body.has("matching")) {
            errors.add(ProblemError.of("", "BULK_TARGET_REQUIRED", "Name the records: either ids or matching, not both."));
        } else if (body.has("ids")) {
            ids = ids(body.path("ids"), errors);
        } else {
            JsonNode query = body.path("matching");
            JsonNode filter = query.path("filter");
            if (!query.isObject() || !(filter.isMissingNode() || filter.isNull() || filter.isObject())
                    || !(query.path("q").isMissingNode() || query.path("q").isNull() || query.path("q").isTextual())) {
                errors.add(ProblemError.of("/matching", "BULK_MATCHING_INVALID", "matching is {\"filter\": {...}, \"q\": \"...\"}."));
            } else {
                matching = new ListRequest(null, null, query.path("q").asText(null), null, null, false, false,
                        filter.isObject() ? filter : null);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(CommonProblem.REQUEST_INVALID, "The bulk change has problems; no record was changed.", errors);
        }
        return new Order(action, ids, matching, change);
    }

    private static JsonNode fields(JsonNode fields, Set<String> visible, Set<String> readOnly, List<ProblemError> errors) {
        if (!fields.isObject() || fields.isEmpty()) {
            errors.add(ProblemError.of("/fields", "BULK_FIELDS_REQUIRED", "An update names at least one field and its new value."));
            return fields;
        }
        fields.fieldNames().forEachRemaining(key -> {
            String at = JsonPointers.append("/fields", key);
            if (!visible.contains(key) || dev.brickwork.runtime.records.sql.SystemField.byApiName(key).isPresent()) {
                errors.add(ProblemError.of(at, "FIELD_UNKNOWN", "The form has no field with this key that you may change."));
            } else if (readOnly.contains(key)) {
                errors.add(ProblemError.of(at, "FIELD_READ_ONLY", "Your roles let you read this field, not change it."));
            }
        });
        return fields;
    }

    private static List<UUID> ids(JsonNode ids, List<ProblemError> errors) {
        if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_RECORDS) {
            errors.add(ProblemError.of("/ids", "BULK_IDS_INVALID", "ids is an array of 1 to " + MAX_RECORDS + " record ids."));
            return List.of();
        }
        Set<UUID> unique = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i).isTextual() ? uuid(ids.get(i).asText()) : null;
            if (id == null) {
                errors.add(ProblemError.of("/ids/" + i, "BULK_ID_INVALID", "Not a record id."));
            } else {
                unique.add(id);
            }
        }
        return List.copyOf(unique);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
