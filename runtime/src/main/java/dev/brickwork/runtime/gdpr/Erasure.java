package dev.brickwork.runtime.gdpr;

import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.runtime.records.Lookups;

import dev.brickwork.runtime.records.RecordRows;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.platform.Ids;
import dev.brickwork.runtime.audit.AuditLog;
import dev.brickwork.runtime.crypto.FieldCiphers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Erases (anonymises) a data subject's record in one transaction: the row and its subtable rows are anonymised, the
 * version bumped, the timeline's values and the earlier audit entries' values redacted and an {@code erase} entry
 * added, and the request audited with the
 * erased field keys and counts (never values). Records that reference the subject are counted, not touched.
 */
@ApplicationScoped
public class Erasure {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    Pool pool;

    @Inject
    PublishedForms publishedForms;

    @Inject
    FieldCiphers ciphers;

    @Inject
    AuditLog audit;

    @Inject
    RecordValidator validator;

    /** What one erase did. */
    private record Outcome(List<String> fields, int setAside, int redacted, int auditRedacted, int related) {
    }

    public Uni<ObjectNode> erase(String appKey, String formKey, UUID id, Requester requester) {
        return Subject.of(publishedForms, ciphers.cipher().orElse(null), appKey, formKey, id)
                .chain(subject -> pool.withTransaction(connection -> StoredRows.subject(connection, subject, true)
                        .chain(row -> RecordRows.storedChildren(connection, subject.table(), id).map(children -> {
                            List<RowErasure> rows = new ArrayList<>();
                            rows.add(RowErasure.of(subject.table(), row, ""));
                            rows.addAll(RowErasure.children(subject.table(), children));
                            return rows;
                        }))
                        .chain(rows -> anonymise(connection, subject, rows, requester)
                                // lookups elsewhere copied the cleared values: they follow, as after any change
                                .chain(() -> Lookups.dependents(connection, appKey, subject.forms(), formKey, subject.cipher(),
                                        validator, List.of(id), 0))
                                .chain(() -> TimelineRedaction.apply(connection, subject))
                                .chain(redacted -> AuditRedaction.apply(connection, subject)
                                        .chain(audited -> related(connection, subject)
                                                .map(related -> outcome(rows, redacted, audited, related)))))
                        .call(outcome -> audit.append(connection, requester.entry("gdpr.erased", subject).with(detail(outcome))))
                        .map(Erasure::answer)));
    }

    /** Nothing to clear (an erased record) writes nothing: no new version, no timeline entry. */
    private static Uni<Void> anonymise(SqlConnection connection, Subject subject, List<RowErasure> rows, Requester requester) {
        if (rows.stream().allMatch(row -> row.plan().isEmpty())) {
            return Uni.createFrom().voidItem();
        }
        RowErasure record = rows.get(0);
        return record.apply(connection, List.of("version = version + 1", "updated_at = now()"))
                .call(() -> Multi.createFrom().iterable(rows.subList(1, rows.size()))
                        .filter(row -> !row.plan().isEmpty())
                        .onItem().transformToUniAndConcatenate(row -> row.apply(connection, List.of()))
                        .collect().last())
                .chain(after -> connection.preparedQuery("INSERT INTO brickwork.record_changes (id, app_key, form_key,"
                                + " record_id, version, action, actor, diff) VALUES ($1, $2, $3, $4, $5, 'erase', $6, '{}'::jsonb)")
                        .execute(Tuple.from(Arrays.asList(Ids.newId(), subject.appKey(), subject.formKey(), subject.id(),
                                after.getInteger("version"), requester.id()))))
                .replaceWithVoid();
    }

    /** Distinct records of the app that reference the subject, live or in the recycle bin. */
    private static Uni<Integer> related(SqlConnection connection, Subject subject) {
        Set<String> found = new HashSet<>();
        return Multi.createFrom().iterable(subject.links())
                .onItem().transformToUniAndConcatenate(link -> StoredRows.referencing(connection, link, subject.id())
                        .invoke(rows -> rows.forEach(row -> found.add(link.formKey() + "/" + row.getUUID("id")))))
                .collect().last()
                .map(done -> found.size());
    }

    private static Outcome outcome(List<RowErasure> rows, int redacted, int auditRedacted, int related) {
        List<String> fields = new ArrayList<>();
        int setAside = 0;
        for (RowErasure row : rows) {
            row.fields().stream().filter(key -> !fields.contains(key)).forEach(fields::add);
            setAside += row.plan().setAside();
        }
        return new Outcome(fields, setAside, redacted, auditRedacted, related);
    }

    private static ObjectNode detail(Outcome outcome) {
        ObjectNode detail = JSON.objectNode();
        outcome.fields().forEach(detail.putArray("fields")::add);
        detail.put("setAsideColumns", outcome.setAside());
        detail.put("timelineEntriesRedacted", outcome.redacted());
        detail.put("auditEntriesRedacted", outcome.auditRedacted());
        detail.put("related", outcome.related());
        return detail;
    }

    private static ObjectNode answer(Outcome outcome) {
        ObjectNode answer = JSON.objectNode();
        ObjectNode erased = answer.putObject("erased");
        outcome.fields().forEach(erased.putArray("fields")::add);
        erased.put("setAsideColumns", outcome.setAside());
        answer.put("related", outcome.related());
        answer.put("timelineEntriesRedacted", outcome.redacted());
        answer.put("auditEntriesRedacted", outcome.auditRedacted());
        return answer;
    }
}
