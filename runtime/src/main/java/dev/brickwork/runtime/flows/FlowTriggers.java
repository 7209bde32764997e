package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.flow.PublishedFlow;
import dev.brickwork.designer.flow.PublishedFlows;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.record.RecordValidation;
import dev.brickwork.platform.Ids;
import dev.brickwork.runtime.records.RecordTriggers;
import dev.brickwork.workflow.model.Trigger;
import dev.brickwork.workflow.model.TriggerEvent;
import dev.brickwork.workflow.run.FlowConditions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Starts the flows bound to {@code create} or {@code update}, with or without a condition. An update starts its flow when the
 * condition turns true with that write (not on every later edit while it stays true); an update flow without a
 * condition starts on every staff edit, which is how "every change is approved again" is designed.
 */
@ApplicationScoped
public class FlowTriggers implements RecordTriggers {

    private static final Logger LOG = Logger.getLogger(FlowTriggers.class);

    @Inject
    PublishedFlows flows;

    @Inject
    FlowOutbox outbox;

    @Inject
    Clock clock;

    @Inject
    ZoneId zone;

    @Override
    public Uni<Candidates> candidates(String appKey, String formKey, CompiledForm form, boolean create, UUID actor,
                                      String actorName) {
        TriggerEvent event = create ? TriggerEvent.CREATE : TriggerEvent.UPDATE;
        return flows.forForm(appKey, formKey).map(bound -> {
            List<PublishedFlow> candidates = bound.stream()
                    .filter(flow -> flow.plan().trigger() != null && flow.plan().trigger().on() == event).toList();
            if (candidates.isEmpty()) {
                return null;
            }
            Actor by = new Actor(actor, actorName);
            return (before, after) -> candidates.stream().filter(flow -> fires(form, flow.plan().trigger(), before, after))
                    .findFirst().map(flow -> (Start) new OutboxStart(flow, appKey, formKey, by)).orElse(null);
        });
    }

    /** A trigger fires without a condition, or when the write makes its condition true (an update: it was false before). */
    private boolean fires(CompiledForm form, Trigger trigger, RecordValidation before, RecordValidation after) {
        String when = trigger.when();
        if (when == null || when.isBlank()) {
            return true;
        }
        return holds(form, when, after) && (before == null || !holds(form, when, before));
    }

    private boolean holds(CompiledForm form, String condition, RecordValidation values) {
        return FlowConditions.holds(form, condition, values.values(), values.rows(), clock, zone);
    }

    /** The outbox row of one triggered start, written with the record and delivered after its commit. */
    private final class OutboxStart implements Start {

        private final PublishedFlow flow;
        private final String appKey;
        private final String formKey;
        private final Actor actor;
        private FlowOutbox.Entry entry;

        OutboxStart(PublishedFlow flow, String appKey, String formKey, Actor actor) {
            this.flow = flow;
            this.appKey = appKey;
            this.formKey = formKey;
            this.actor = actor;
        }

        @Override
        public ObjectNode detail() {
            ObjectNode detail = JsonNodeFactory.instance.objectNode();
            detail.put("flow", flow.flowKey());
            detail.put("flowVersion", flow.version());
            detail.put("event", "triggered");
            detail.put("trigger", flow.plan().trigger().on().json());
            return detail;
        }

        @Override
        public Uni<Void> enqueue(SqlConnection connection, UUID record) {
            entry = new FlowOutbox.Entry(Ids.newId(), "start", appKey, formKey, record, flow.flowKey(),
                    flow.processDefinitionId(), actor.id());
            return FlowOutbox.add(connection, entry);
        }

        @Override
        public Uni<Void> deliver() {
            // the record is committed either way: a flow that cannot start (no approvers) has put it back to 'none'
            // and said why on its timeline; any other failure leaves the outbox row for the sweep to retry
            return outbox.deliver(entry, actor).onFailure(e -> NoApproversException.in(e) == null)
                    .invoke(failure -> LOG.warnf("Starting flow %s after a record write failed; the outbox retries it",
                            flow.flowKey()))
                    .onFailure().recoverWithNull().replaceWithVoid();
        }
    }
}
