package dev.brickwork.designer.form;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;

/**
 * Told of every publish, of a form or a flow, and of every purge of a form's set-aside storage, inside its transaction, so what it writes (the runtime's audit log)
 * exists exactly when the new version does.
 */
public interface PublishListener {

    /** A form version just published; {@code by} and {@code byName} may be null for callers without a user. */
    record FormPublished(String appKey, String formKey, int version, int steps, UUID by, String byName) {
    }

    /**
     * A flow version just published and deployed; {@code by} and {@code byName} may be null for callers without a user.
     *
     * @param formKey             the form whose records the version runs on
     * @param uploaded            true for an uploaded BPMN, false for a designed flow
     * @param processDefinitionId the engine's id of the deployed version
     */
    record FlowPublished(String appKey, String flowKey, int version, String formKey, boolean uploaded,
                         String processDefinitionId, UUID by, String byName) {
    }

    /**
     * An admin purged set-aside storage of a form (decision 0014).
     *
     * @param columns the purged columns as {@code table.column}
     * @param tables  the purged set-aside tables
     */
    record SetAsidePurged(String appKey, String formKey, List<String> columns, List<String> tables, UUID by, String byName) {
    }

    Uni<Void> published(Mutiny.Session session, FormPublished event);

    /** Does nothing unless a listener cares about purges; told inside the purge's transaction. */
    default Uni<Void> setAsidePurged(Mutiny.Session session, SetAsidePurged event) {
        return Uni.createFrom().voidItem();
    }

    /** Does nothing unless a listener cares about flows. */
    default Uni<Void> flowPublished(Mutiny.Session session, FlowPublished event) {
        return Uni.createFrom().voidItem();
    }
}
