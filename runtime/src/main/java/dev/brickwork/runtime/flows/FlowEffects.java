package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.Ids;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.records.ApprovalState;
import dev.brickwork.runtime.records.RecordApprovals;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies what flow steps did to records ({@code flow_effects} rows the engine wrote in its transactions): per
 * record, in order, in one transaction of ours that also deletes them — so each lands once. Called right after
 * our own engine calls that wrote effect rows, and on a timer for what the engine's timers did. Kind
 * {@code timeline} is only found in rows written before decision 0012 (notes are now written in the step itself).
 */
@ApplicationScoped
public class FlowEffects {

    private static final Logger LOG = Logger.getLogger(FlowEffects.class);

    @Inject
    Pool pool;

    @Inject
    RecordApprovals records;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "brickwork.flows.effects-interval", defaultValue = "PT1S")
    Duration interval;

    /** The wait before an effect's second attempt; it doubles with each failure, up to a minute. */
    @ConfigProperty(name = "brickwork.flows.effect-retry", defaultValue = "PT2S")
    Duration retryDelay;

    private record Effect(long seq, String appKey, String formKey, UUID record, String kind, UUID actor, ObjectNode payload,
                          boolean due, OffsetDateTime at) {
    }

    /** After this many failed attempts an effect is set aside for an administrator. */
    static final int MAX_ATTEMPTS = 5;

    void schedule(@Observes StartupEvent event) {
        vertx.setPeriodic(interval.toMillis(), id -> drainAll().subscribe().with(done -> {
        }, failure -> LOG.warn("Applying flow effects failed; will retry", failure)));
    }

    /**
     * Applies the pending effects of one record, in order. An effect that fails is rolled back to its savepoint and
     * retried later (the record's later effects wait for it); after {@link #MAX_ATTEMPTS} it is set aside and the
     * later ones go on. A failing effect never fails the caller: the engine step it belongs to has committed. The item:
     * the approval state an outcome applied and committed here set, or null when none did.
     */
    public Uni<ApprovalState> drain(UUID record) {
        // subscribed on its own: a caller that goes away (a cancelled request) must not stop it between BEGIN and
        // COMMIT, which would hand the connection back to the pool inside a transaction
        Uni<ApprovalState> work = drainInTransaction(record);
        return Uni.createFrom().emitter(done -> work.subscribe().with(done::complete, done::fail));
    }

    private Uni<ApprovalState> drainInTransaction(UUID record) {
        ApprovalState[] outcome = new ApprovalState[1];
        // BEGIN and COMMIT by hand: the client's transaction API marks a transaction failed at the first statement
        // error and rolls it back at the end, savepoint or not, which would undo the attempt count with the effect
        return pool.withConnection(connection -> connection.query("BEGIN").execute()
                        // one drainer per record at a time keeps the effects in order: a second one waits on the
                        // first row's lock, then finds the rows the first applied gone
                        .chain(() -> connection.preparedQuery("SELECT seq, app_key, form_key, record_id, kind, actor,"
                                + " payload::text, next_attempt_at <= now(), created_at FROM brickwork.flow_effects WHERE record_id = $1"
                                + " AND failed_at IS NULL ORDER BY seq FOR UPDATE").execute(Tuple.of(record)))
                        .chain(rows -> {
                            List<Effect> effects = new ArrayList<>();
                            for (Row row : rows) {
                                effects.add(new Effect(row.getLong(0), row.getString(1), row.getString(2), row.getUUID(3),
                                        row.getString(4), row.getUUID(5), (ObjectNode) JsonBodies.parse(row.getString(6)),
                                        row.getBoolean(7), row.getOffsetDateTime(8)));
                            }
                            List<Long> applied = new ArrayList<>();
                            return applyInOrder(connection, effects, 0, applied, outcome).chain(() -> applied.isEmpty()
                                    ? Uni.createFrom().voidItem()
                                    : connection.preparedQuery("DELETE FROM brickwork.flow_effects WHERE seq = ANY($1)")
                                    .execute(Tuple.of(applied.toArray(new Long[0]))).replaceWithVoid());
                        })
                        .chain(() -> connection.query("COMMIT").execute())
                        .onFailure().call(() -> connection.query("ROLLBACK").execute().onFailure().recoverWithNull()))
                .map(committed -> outcome[0])
                // what failed here is the database itself; the effects stay for the next drain
                .onFailure().invoke(failure -> LOG.warnf("Applying the flow effects of record %s failed (%s); will retry",
                        record, failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull();
    }

    /** Applies effects from {@code index} on until one is not due or fails and must be retried later. */
    private Uni<Void> applyInOrder(SqlConnection connection, List<Effect> effects, int index, List<Long> applied,
                                   ApprovalState[] set) {
        if (index == effects.size() || !effects.get(index).due()) {
            return Uni.createFrom().voidItem();
        }
        Effect effect = effects.get(index);
        return connection.query("SAVEPOINT flow_effect").execute()
                .chain(() -> apply(connection, effect))
                .map(state -> {
                    if (state != null) {
                        set[0] = state;
                    }
                    return Outcome.APPLIED;
                })
                .onFailure().recoverWithUni(failure -> connection.query("ROLLBACK TO SAVEPOINT flow_effect").execute()
                        .chain(() -> failed(connection, effect, failure))
                        .map(setAside -> setAside ? Outcome.SET_ASIDE : Outcome.LATER))
                .chain(outcome -> {
                    if (outcome == Outcome.APPLIED) {
                        applied.add(effect.seq());
                    }
                    return outcome == Outcome.LATER ? Uni.createFrom().voidItem()
                            : applyInOrder(connection, effects, index + 1, applied, set);
                });
    }

    /** What became of one effect in a drain. */
    private enum Outcome { APPLIED, SET_ASIDE, LATER }

    /** Counts a failed attempt: later with a growing delay, or set aside after the last one. */
    private Uni<Boolean> failed(SqlConnection connection, Effect effect, Throwable failure) {
        String code = failure instanceof ProblemException problem ? problem.type().name()
                : failure instanceof PgException database ? "SQLSTATE_" + database.getSqlState()
                : failure.getClass().getSimpleName();
        LOG.warnf("Flow effect %d (%s) of record %s could not be applied: %s", effect.seq(), effect.kind(),
                effect.record(), code);
        return connection.preparedQuery("UPDATE brickwork.flow_effects SET attempts = attempts + 1, last_error = $2,"
                        + " next_attempt_at = now() + make_interval(secs => least(60, $4 * 2 ^ attempts)),"
                        + " failed_at = CASE WHEN attempts + 1 >= $3 THEN now() END WHERE seq = $1"
                        + " RETURNING failed_at IS NOT NULL")
                .execute(Tuple.of(effect.seq(), code, MAX_ATTEMPTS, retryDelay.toMillis() / 1000.0))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Applies the effects of every record that has some due (what timers, retries and other nodes left). */
    public Uni<Void> drainAll() {
        return pool.query("SELECT DISTINCT record_id FROM brickwork.flow_effects WHERE failed_at IS NULL"
                + " AND next_attempt_at <= now() LIMIT 200").execute().chain(rows -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Row row : rows) {
                UUID record = row.getUUID(0);
                chain = chain.chain(() -> drain(record).replaceWithVoid());
            }
            return chain;
        });
    }

    /** Applies one effect; the item is the approval state it set (an outcome that was written), else null. */
    private Uni<ApprovalState> apply(SqlConnection connection, Effect effect) {
        ObjectNode payload = effect.payload();
        String actorName = payload.path("actorName").asText("flow");
        ObjectNode detail = payload.has("detail") ? (ObjectNode) payload.get("detail") : null;
        switch (effect.kind()) {
            case "timeline":
                return records.note(connection, effect.appKey(), effect.formKey(), effect.record(),
                        payload.path("action").asText("flow.step"), detail, effect.actor(), actorName)
                        .map(done -> (ApprovalState) null);
            case "update":
                return records.writeByFlow(connection, effect.appKey(), effect.formKey(), effect.record(),
                        (ObjectNode) payload.get("set"), null, true, "flow.update", detail, effect.actor(), actorName,
                        effect.at())
                        .map(written -> (ApprovalState) null);
            case "finish":
                ApprovalState to = payload.path("approved").asBoolean() ? ApprovalState.APPROVED : ApprovalState.REJECTED;
                return records.writeByFlow(connection, effect.appKey(), effect.formKey(), effect.record(),
                        (ObjectNode) payload.get("set"), to, true, to == ApprovalState.APPROVED ? "flow.approved"
                                : "flow.rejected", detail, effect.actor(), actorName, effect.at())
                        .map(written -> written ? to : null);
            case "notify":
                return notify(connection, effect).map(done -> (ApprovalState) null);
            default:
                LOG.warnf("Unknown flow effect kind %s dropped", effect.kind());
                return Uni.createFrom().nullItem();
        }
    }

    private Uni<Void> notify(SqlConnection connection, Effect effect) {
        ObjectNode payload = effect.payload();
        Uni<ObjectNode> record = Notices.needsRecord(payload)
                ? records.readShareable(effect.appKey(), effect.formKey(), effect.record())
                : Uni.createFrom().nullItem();
        return record.chain(values -> {
            String message = Notices.message(payload, values);
            List<Tuple> rows = new ArrayList<>();
            for (JsonNode user : payload.path("users")) {
                rows.add(Tuple.from(java.util.Arrays.asList(Ids.newId(), UUID.fromString(user.asText()),
                        payload.path("kind").asText("message"), message, effect.appKey(), effect.formKey(), effect.record(),
                        payload.path("task").asText(null))));
            }
            if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return connection.preparedQuery(Notices.INSERT).executeBatch(rows).replaceWithVoid();
        });
    }
}
