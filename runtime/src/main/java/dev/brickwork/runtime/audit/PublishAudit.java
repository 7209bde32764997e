package dev.brickwork.runtime.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.form.PublishListener;
import dev.brickwork.platform.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/** Writes every form publish to the audit log, in the publish's own transaction. */
@ApplicationScoped
public class PublishAudit implements PublishListener {

    @Override
    public Uni<Void> published(Mutiny.Session session, FormPublished event) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode().put("version", event.version()).put("steps", event.steps());
        return session.createNativeQuery("INSERT INTO brickwork.audit_log (id, actor, actor_name, action, app_key, form_key,"
                        + " detail) VALUES (?1, ?2, ?3, 'form.published', ?4, ?5, cast(?6 as jsonb))")
                .setParameter(1, Ids.newId())
                .setParameter(2, event.by())
                .setParameter(3, event.byName())
                .setParameter(4, event.appKey())
                .setParameter(5, event.formKey())
                .setParameter(6, detail.toString())
                .executeUpdate()
                .replaceWithVoid();
    }
}
