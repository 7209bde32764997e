package dev.brickwork.runtime.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.form.PublishListener;
import dev.brickwork.platform.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.UUID;

/** Writes every form publish, and every purge of set-aside storage, to the audit log in its own transaction. */
@ApplicationScoped
public class PublishAudit implements PublishListener {

    @Override
    public Uni<Void> published(Mutiny.Session session, FormPublished event) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode().put("version", event.version()).put("steps", event.steps());
        return append(session, "form.published", event.appKey(), event.formKey(), event.by(), event.byName(), detail);
    }

    @Override
    public Uni<Void> setAsidePurged(Mutiny.Session session, SetAsidePurged event) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        event.columns().forEach(detail.putArray("columns")::add);
        event.tables().forEach(detail.putArray("tables")::add);
        return append(session, "form.set_aside_purged", event.appKey(), event.formKey(), event.by(), event.byName(), detail);
    }

    /** An audit entry written inside the caller's Hibernate Reactive transaction (a publish, a package install). */
    public static Uni<Void> append(Mutiny.Session session, String action, String appKey, String formKey, UUID by,
                                    String byName, ObjectNode detail) {
        return session.createNativeQuery("INSERT INTO brickwork.audit_log (id, actor, actor_name, action, app_key, form_key,"
                        + " detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, cast(cast(?7 as text) as jsonb))")
                .setParameter(1, Ids.newId())
                .setParameter(2, by)
                .setParameter(3, byName)
                .setParameter(4, action)
                .setParameter(5, appKey)
                .setParameter(6, formKey)
                .setParameter(7, detail.toString())
                .executeUpdate()
                .replaceWithVoid();
    }
}
