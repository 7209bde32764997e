package dev.brickwork.runtime.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * One line of the audit log.
 *
 * @param action    e.g. {@code login.succeeded}, {@code record.updated}, {@code form.published}, {@code role.changed}
 * @param actor     the user (or API token) who acted; null when unknown (a failed login for an unknown name)
 * @param actorName the user name at the time, for reading the log without joins
 * @param address   the client address, where there is one
 * @param detail    what changed; sensitive values are masked before they get here
 */
public record AuditEntry(String action, UUID actor, String actorName, String appKey, String formKey, UUID recordId,
                         String address, ObjectNode detail) {

    public static AuditEntry of(String action, UUID actor, String actorName) {
        return new AuditEntry(action, actor, actorName, null, null, null, null, JsonNodeFactory.instance.objectNode());
    }

    public AuditEntry onRecord(String app, String form, UUID record) {
        return new AuditEntry(action, actor, actorName, app, form, record, address, detail);
    }

    public AuditEntry from(String clientAddress) {
        return new AuditEntry(action, actor, actorName, appKey, formKey, recordId, clientAddress, detail);
    }

    public AuditEntry with(ObjectNode details) {
        return new AuditEntry(action, actor, actorName, appKey, formKey, recordId, address, details);
    }
}
