package dev.brickwork.runtime.packages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.Ids;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.UUID;

/** Audit entries of an install, written in its transaction so they exist exactly when what they describe does. */
final class PackageAudit {

    private PackageAudit() {
    }

    static Uni<Void> append(Mutiny.Session session, String action, String appKey, UUID by, String byName, ObjectNode detail) {
        return session.createNativeQuery("INSERT INTO brickwork.audit_log (id, actor, actor_name, action, app_key, detail)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, cast(cast(?6 as text) as jsonb))")
                .setParameter(1, Ids.newId())
                .setParameter(2, by)
                .setParameter(3, byName)
                .setParameter(4, action)
                .setParameter(5, appKey)
                .setParameter(6, detail.toString())
                .executeUpdate()
                .replaceWithVoid();
    }
}
