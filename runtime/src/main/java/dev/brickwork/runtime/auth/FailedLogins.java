package dev.brickwork.runtime.auth;

import dev.brickwork.runtime.audit.AuditEntry;
import dev.brickwork.runtime.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Audits failed and throttled logins as tallies, so that no one can grow the audit log by a row per attempt: within
 * each throttle window, one row per client address for names that are no user (listing the first names tried), and
 * one row per user and address for a known user (so an attack on one account stays visible as such).
 */
@ApplicationScoped
class FailedLogins {

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "brickwork.auth.failure-window", defaultValue = "PT15M")
    Duration window;

    void failed(Connection connection, UUID user, String username, String address) throws SQLException {
        String action = "login.failed";
        audit.tallyBlocking(connection, entry(action, user, username, address), key(action, user, address), username);
    }

    /** Throttled attempts check no password and look no user up: tallied per address. */
    void throttled(String username, String address) {
        String action = "login.throttled";
        audit.tallyBlocking(entry(action, null, null, address), key(action, null, address), username);
    }

    private static AuditEntry entry(String action, UUID user, String username, String address) {
        return AuditEntry.of(action, user, user == null ? null : username).from(address);
    }

    private String key(String action, UUID user, String address) {
        long windowNumber = Instant.now().getEpochSecond() / Math.max(1, window.toSeconds());
        return action + "|" + (user == null ? "-" : user) + "|" + (address == null ? "-" : address) + "|" + windowNumber;
    }
}
