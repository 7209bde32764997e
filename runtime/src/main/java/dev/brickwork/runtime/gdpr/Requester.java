package dev.brickwork.runtime.gdpr;

import dev.brickwork.designer.CurrentUser;
import dev.brickwork.runtime.audit.AuditEntry;
import dev.brickwork.runtime.auth.ClientAddress;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

import java.util.UUID;

/** The admin making a GDPR request, from where: what its audit entry names. */
public record Requester(UUID id, String name, String address) {

    public static Requester of(SecurityIdentity identity, HttpServerRequest request) {
        return new Requester(CurrentUser.id(identity), identity.getPrincipal().getName(), ClientAddress.of(request));
    }

    AuditEntry entry(String action, Subject subject) {
        return AuditEntry.of(action, id, name).onRecord(subject.appKey(), subject.formKey(), subject.id()).from(address);
    }
}
