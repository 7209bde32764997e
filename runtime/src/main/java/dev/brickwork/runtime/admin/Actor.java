package dev.brickwork.runtime.admin;

import dev.brickwork.designer.CurrentUser;
import dev.brickwork.runtime.audit.AuditEntry;
import dev.brickwork.runtime.auth.ClientAddress;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

import java.util.UUID;

/** Who is making an admin change, from where: what every audit entry of the change names. */
public record Actor(UUID id, String name, String address) {

    static Actor of(SecurityIdentity identity, HttpServerRequest request) {
        return new Actor(CurrentUser.id(identity), identity.getPrincipal().getName(), ClientAddress.of(request));
    }

    /** An entry about the thing with this id; record_id holds it so {@code ?record=} finds its history. */
    AuditEntry entry(String action, UUID subject) {
        return AuditEntry.of(action, id, name).onRecord(null, null, subject).from(address);
    }
}
