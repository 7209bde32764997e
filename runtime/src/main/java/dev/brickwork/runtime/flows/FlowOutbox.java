package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.runtime.records.ApprovalState;
import dev.brickwork.workflow.engine.FlowEngine;
import dev.brickwork.workflow.engine.TxWork;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * The transactional outbox between record writes and the engine. A submit or withdraw writes its row in the
 * record's transaction; delivery starts or cancels the flow in an engine transaction that also deletes the row —
 * a row delivered twice (a retry, a second node) finds it gone and rolls its engine work back, and a crash before
 * delivery leaves the row for the next sweep. The flow's business key is the record id.
 */
@ApplicationScoped
public class FlowOutbox {

    private static final Logger LOG = Logger.getLogger(FlowOutbox.class);

    /** One row: what to do to which record's flow. */
    public record Entry(UUID id, String kind, String appKey, String formKey, UUID record, String flowKey,
                        String processDefinitionId, UUID actor) {
    }

    /** The row was delivered by someone else meanwhile; this delivery's engine work is rolled back. */
    static final class AlreadyDelivered extends RuntimeException {
        AlreadyDelivered() {
            super("The outbox entry was delivered already", null, false, false);
        }
    }

    @Inject
    Pool pool;

    @Inject
    FlowEngines engines;

    @Inject
    FlowEffects effects;

    @Inject
    dev.brickwork.runtime.records.RecordApprovals records;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "brickwork.flows.outbox-interval", defaultValue = "PT2S")
    Duration interval;

    /** Rows younger than this belong to the request that wrote them; the sweep leaves them alone. */
    @ConfigProperty(name = "brickwork.flows.outbox-grace", defaultValue = "PT5S")
    Duration grace;

    void schedule(@Observes StartupEvent event) {
        // what a stopped (or killed) node left undelivered goes first
        sweep(true).subscribe().with(count -> {
        }, failure -> LOG.warn("Recovering the flow outbox failed; the periodic sweep will retry", failure));
        vertx.setPeriodic(interval.toMillis(), id -> sweep(false).subscribe().with(count -> {
        }, failure -> LOG.warn("Delivering the flow outbox failed; will retry", failure)));
    }

    /** Writes a row in the caller's transaction. */
    static Uni<Void> add(SqlConnection connection, Entry entry) {
        return connection.preparedQuery("INSERT INTO brickwork.flow_outbox"
                        + " (id, kind, app_key, form_key, record_id, flow_key, process_definition_id, actor)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(Arrays.asList(entry.id(), entry.kind(), entry.appKey(), entry.formKey(), entry.record(),
                        entry.flowKey(), entry.processDefinitionId(), entry.actor())))
                .replaceWithVoid();
    }

    /**
     * Delivers every due row (all of them when {@code recovering}, as after a restart); the number delivered.
     */
    public Uni<Integer> sweep(boolean recovering) {
        String due = recovering ? "" : " WHERE created_at < now() - make_interval(secs => $1) AND next_attempt_at <= now()";
        Tuple parameters = recovering ? Tuple.tuple() : Tuple.of((double) grace.toSeconds());
        return pool.preparedQuery("SELECT id, kind, app_key, form_key, record_id, flow_key, process_definition_id, actor"
                        + " FROM brickwork.flow_outbox" + due + " ORDER BY created_at LIMIT 50")
                .execute(parameters).chain(rows -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Row row : rows) {
                        Entry entry = new Entry(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3),
                                row.getUUID(4), row.getString(5), row.getString(6), row.getUUID(7));
                        chain = chain.chain(count -> deliver(entry, Actor.FLOW)
                                .map(ignored -> count + 1)
                                // a flow that cannot start put its record back and is done, unless that failed too
                                .onFailure(e -> NoApproversException.in(e) == null || e.getSuppressed().length > 0)
                                .recoverWithUni(failure -> retryLater(entry).replaceWith(count))
                                .onFailure().recoverWithItem(count));
                    }
                    return chain;
                });
    }

    /**
     * Delivers one row and applies what the flow's first steps did to the record; true when they changed it (then the
     * caller reads it again). A flow whose first step has no approver cannot start: the record goes back to
     * {@code none} and the failure propagates.
     */
    public Uni<Boolean> deliver(Entry entry, Actor actor) {
        return engines.call(engine -> Actor.as(actor, () -> EffectRows.wroteAny(() -> deliverInEngine(engine, entry))))
                .onFailure(AlreadyDelivered.class).recoverWithItem(true)
                // when putting the record back fails too, that failure rides along (suppressed): the caller still
                // learns why the flow cannot start, and the sweep backs off from the row that stays
                .onFailure(e -> NoApproversException.in(e) != null).recoverWithUni(failure -> cannotStart(entry,
                        NoApproversException.in(failure))
                        .onFailure().invoke(failure::addSuppressed).onFailure().recoverWithNull()
                        .chain(() -> Uni.createFrom().<Boolean>failure(failure)))
                .chain(changed -> changed ? effects.drain(entry.record()).replaceWith(true) : Uni.createFrom().item(false));
    }

    private static void deliverInEngine(FlowEngine engine, Entry entry) {
        TxWork delivered = connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM brickwork.flow_outbox WHERE id = ?")) {
                delete.setObject(1, entry.id());
                if (delete.executeUpdate() == 0) {
                    throw new AlreadyDelivered();
                }
            }
        };
        if ("start".equals(entry.kind())) {
            engine.start(entry.processDefinitionId(), entry.record().toString(), entry.id().toString(),
                    Map.of("submitter", entry.actor() == null ? "" : entry.actor().toString()), delivered);
        } else {
            engine.cancel(entry.record().toString(), "withdrawn", delivered);
        }
    }

    /** The flow cannot start: the record leaves {@code pending} and its timeline says why; the row is done. */
    private Uni<Void> cannotStart(Entry entry, NoApproversException failure) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("flow", entry.flowKey());
        detail.put("event", "no-approvers");
        detail.put("node", failure.node());
        return pool.withTransaction(connection -> connection
                .preparedQuery("DELETE FROM brickwork.flow_outbox WHERE id = $1").execute(Tuple.of(entry.id()))
                .chain(() -> records.writeByFlow(connection, entry.appKey(), entry.formKey(), entry.record(),
                        JsonNodeFactory.instance.objectNode(), ApprovalState.NONE, true, "flow.step", detail, entry.actor(),
                        "flow", null))
                .replaceWithVoid());
    }

    private Uni<Void> retryLater(Entry entry) {
        return pool.preparedQuery("UPDATE brickwork.flow_outbox SET attempts = attempts + 1,"
                        + " next_attempt_at = now() + make_interval(secs => least(300, 2 ^ least(attempts, 8))),"
                        + " last_error = 'delivery failed' WHERE id = $1")
                .execute(Tuple.of(entry.id())).replaceWithVoid();
    }
}
