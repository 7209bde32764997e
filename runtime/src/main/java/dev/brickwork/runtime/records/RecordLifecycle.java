package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.record.RecordValidation;
import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.platform.http.IfMatch;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.Action;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.UUID;

/** Moving records to the recycle bin and back, with their roll-ups and timeline. */
@ApplicationScoped
public class RecordLifecycle {

    @Inject
    Pool pool;

    @Inject
    RecordContexts contexts;


    @Inject
    RecordValidator validator;

    public Uni<Void> delete(String appKey, String formKey, UUID id, String ifMatch, Access access) {
        Integer expected = IfMatch.version(ifMatch);
        return contexts.run(appKey, formKey, access, context -> pool.withTransaction(connection ->
                Guard.load(connection, context, id, true, false).call(row -> Guard.inScope(connection, context, id, Action.DELETE))
                        .chain(before -> {
                    if (ApprovalState.of(before.getString("approval")) == ApprovalState.PENDING) {
                        throw new ProblemException(RecordProblem.APPROVAL_PENDING,
                                "The record is waiting for approval; withdraw it before deleting it.");
                    }
                    if (IfMatch.stale(expected, before.getInteger("version"))) {
                        throw new ProblemException(RecordProblem.RECORD_STALE, "The record is at another version; read it again.");
                    }
                    return RecordWriter.update(connection, context.table(), id, Map.of(), "deleted_at = now()")
                            .call(after -> RecordEffects.parentRollups(connection, context, validator, before, after))
                            .call(after -> RecordHistory.append(connection, context, id, after.getInteger("version"), "delete",
                                    JsonNodeFactory.instance.objectNode()))
                            .replaceWithVoid();
                })));
    }

    /** Brings a record back from the recycle bin, unless a unique field or a blocking duplicate rule now conflicts. */
    public Uni<ObjectNode> restore(String appKey, String formKey, UUID id, Access access) {
        return contexts.run(appKey, formKey, access, context -> pool.withTransaction(connection ->
                Guard.load(connection, context, id, true, true).call(row -> Guard.inScope(connection, context, id, Action.DELETE))
                        .chain(before -> {
                    return RecordRows.children(connection, context.table(), id).chain(rows -> {
                        ObjectNode fields = RecordJson.fields(context.table(), before, rows);
                        RecordValidation values = validator.validate(context.published().form(), fields, java.util.Set.of(), fields);
                        return Integrity.takenUniqueValues(connection, context.table(), values.values(), id)
                                .invoke(errors -> {
                                    if (!errors.isEmpty()) {
                                        throw new ProblemException(RecordProblem.NOT_UNIQUE,
                                                "A live record now has this unique value.", errors);
                                    }
                                })
                                .chain(() -> Integrity.duplicates(connection, context, values.values(), id, null))
                                .invoke(matches -> {
                                    if (matches.stream().anyMatch(m -> m.rule().action()
                                            == dev.brickwork.forms.model.RuleDefinition.DuplicateAction.BLOCK)) {
                                        throw new ProblemException(RecordProblem.DUPLICATE,
                                                "A live record now duplicates this one under a blocking rule.");
                                    }
                                })
                                .chain(() -> RecordWriter.update(connection, context.table(), id, Map.of(), "deleted_at = NULL"))
                                .call(after -> RecordEffects.parentRollups(connection, context, validator, before, after))
                                .call(after -> RecordHistory.append(connection, context, id, after.getInteger("version"),
                                        "restore", JsonNodeFactory.instance.objectNode()))
                                .chain(after -> RecordEffects.readBack(connection, context, id))
                                .map(record -> Guard.visible(context, record));
                    });
                })))
                .onFailure(PgException.class).transform(e -> "23505".equals(((PgException) e).getSqlState())
                        ? new ProblemException(RecordProblem.NOT_UNIQUE, "A live record now has a value this one needs.") : e);
    }
}
