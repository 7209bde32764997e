package dev.brickwork.designer.form;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.UUID;

/**
 * Told of every publish inside its transaction, so what it writes (the runtime's audit log) exists exactly when
 * the new version does.
 */
public interface PublishListener {

    /** A form version just published; {@code by} and {@code byName} may be null for callers without a user. */
    record FormPublished(String appKey, String formKey, int version, int steps, UUID by, String byName) {
    }

    Uni<Void> published(Mutiny.Session session, FormPublished event);
}
