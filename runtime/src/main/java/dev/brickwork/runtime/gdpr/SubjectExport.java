package dev.brickwork.runtime.gdpr;

import dev.brickwork.runtime.records.RecordRows;
import dev.brickwork.runtime.records.RecordJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.runtime.audit.AuditLog;
import dev.brickwork.runtime.crypto.FieldCiphers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The data-subject export: the subject's record and every record that references it, as the records API shows
 * them, sensitive fields decrypted. Audited with counts per form, never values.
 */
@ApplicationScoped
public class SubjectExport {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    Pool pool;

    @Inject
    PublishedForms publishedForms;

    @Inject
    FieldCiphers ciphers;

    @Inject
    AuditLog audit;

    /** The export document; the audit entry is written before it is handed out, in the same transaction as the reads. */
    public Uni<ObjectNode> export(String appKey, String formKey, UUID id, Requester requester) {
        return Subject.of(publishedForms, ciphers.cipher().orElse(null), appKey, formKey, id)
                .chain(subject -> pool.withTransaction(connection -> StoredRows.subject(connection, subject, false)
                        .chain(row -> RecordRows.children(connection, subject.table(), id)
                                .map(children -> RecordJson.record(subject.table(), row, children)))
                        .chain(record -> related(connection, subject).map(related -> document(subject, record, related)))
                        .call(document -> audit.append(connection, requester.entry("gdpr.exported", subject)
                                .with(counts((ArrayNode) document.get("related")))))));
    }

    private static ObjectNode document(Subject subject, ObjectNode record, ArrayNode related) {
        ObjectNode document = JSON.objectNode();
        ObjectNode head = document.putObject("subject");
        head.put("app", subject.appKey());
        head.put("form", subject.formKey());
        head.put("id", subject.id().toString());
        head.set("record", record);
        document.set("related", related);
        return document;
    }

    /** One entry per reference field that found records; links are searched one after the other on the connection. */
    private static Uni<ArrayNode> related(SqlConnection connection, Subject subject) {
        ArrayNode related = JSON.arrayNode();
        return Multi.createFrom().iterable(subject.links())
                .onItem().transformToUniAndConcatenate(link -> StoredRows.referencing(connection, link, subject.id())
                        .chain(rows -> rows.isEmpty() ? Uni.createFrom().voidItem() : group(connection, link, rows)
                                .invoke(related::add).replaceWithVoid()))
                .collect().last()
                .replaceWith(related);
    }

    private static Uni<ObjectNode> group(SqlConnection connection, ReferenceLink link, List<Row> rows) {
        List<UUID> ids = rows.stream().map(row -> row.getUUID("id")).toList();
        return RecordRows.children(connection, link.table(), ids).map(children -> {
            ObjectNode group = JSON.objectNode();
            group.put("form", link.formKey());
            if (link.subtableKey() != null) {
                group.put("subtable", link.subtableKey());
            }
            group.put("field", link.fieldKey());
            ArrayNode records = group.putArray("records");
            for (Row row : rows) {
                records.add(RecordJson.record(link.table(), row, children.getOrDefault(row.getUUID("id"), Map.of())));
            }
            return group;
        });
    }

    /** {@code {"related": {"deal": 3}}}: distinct records per form, so the log says how much left, not what. */
    private static ObjectNode counts(ArrayNode related) {
        Map<String, Set<String>> perForm = new TreeMap<>();
        related.forEach(group -> group.get("records").forEach(record ->
                perForm.computeIfAbsent(group.get("form").asText(), k -> new LinkedHashSet<>()).add(record.get("id").asText())));
        ObjectNode detail = JSON.objectNode();
        ObjectNode forms = detail.putObject("related");
        perForm.forEach((form, ids) -> forms.put(form, ids.size()));
        return detail;
    }
}
