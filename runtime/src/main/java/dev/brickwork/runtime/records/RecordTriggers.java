package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.record.RecordValidation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.UUID;

/**
 * Flows that start by themselves when staff write a record: a trigger {@code create}, or {@code update} whose
 * condition the write makes true (SPEC §5). Asked before the row is written, so the record is written
 * {@code pending} in the same statement; the start's outbox row joins the write's transaction and is delivered once
 * it commits, as a submit's is. Writes by a flow never start flows.
 */
public interface RecordTriggers {

    /** A flow a write starts. */
    interface Start {

        /** What the timeline keeps about the start (flow and version). */
        ObjectNode detail();

        /** Writes the outbox row in the write's transaction. */
        Uni<Void> enqueue(SqlConnection connection, UUID record);

        /** Starts the flow after the commit; a flow that cannot start leaves the record's approval at {@code none}. */
        Uni<Void> deliver();
    }

    /**
     * The flow this write starts, or a null item when none does.
     *
     * @param before the record's fields before an update; null for a create
     * @param after  the record's values as they will be written
     */
    Uni<Start> starts(String appKey, String formKey, CompiledForm form, UUID actor, String actorName, ObjectNode before,
                      RecordValidation after);
}
