package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.record.RecordValidation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.UUID;

/**
 * Flows that start by themselves when staff write a record: a trigger {@code create}, or {@code update} whose
 * condition the write makes true (docs/spec.md §5; decision 0011). The candidate flows are loaded before the write's
 * transaction (so it never waits for a second pooled connection) and decided in memory before the row is written,
 * so the record is written {@code pending} in the same statement; the start's outbox row joins the write's
 * transaction and is delivered once it commits, as a submit's is. Writes by a flow never start flows.
 */
public interface RecordTriggers {

    /** The flows one write may start, loaded; a null item from {@link #candidates} when the form has none. */
    interface Candidates {

        /**
         * The flow this write starts, or null: decided from the values before an update (null for a create) and the
         * values about to be written, without I/O.
         */
        Start starts(RecordValidation before, RecordValidation after);
    }

    /** A flow a write starts. */
    interface Start {

        /** What the timeline keeps about the start (flow and version). */
        ObjectNode detail();

        /** Writes the outbox row in the write's transaction. */
        Uni<Void> enqueue(SqlConnection connection, UUID record);

        /** Starts the flow after the commit; a flow that cannot start leaves the record's approval at {@code none}. */
        Uni<Void> deliver();
    }

    /** The flows bound to creating ({@code create}) or updating the form's records, for a write by this person. */
    Uni<Candidates> candidates(String appKey, String formKey, CompiledForm form, boolean create, UUID actor,
                               String actorName);
}
