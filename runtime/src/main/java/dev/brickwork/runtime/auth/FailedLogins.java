package dev.brickwork.runtime.auth;

import dev.brickwork.runtime.audit.AuditEntry;
import dev.brickwork.runtime.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Audits failed and throttled logins as tallies, so that no one can grow the audit log by a row per attempt: within
 * each throttle window, one row per client address (an IPv6 one by its /64) for names that are no user (listing the
 * first names tried), and one row per user and address for a known user (so an attack on one account stays visible).
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
        return action + "|" + (user == null ? "-" : user) + "|" + network(address) + "|" + windowNumber;
    }

    /**
     * The address as a tally counts it: an IPv4 address itself, an IPv6 address by its /64 (anyone holding one has
     * 2^64 addresses, which would otherwise make a row each). The row keeps the first address seen.
     */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "-" : address;
        }
        try {
            // an IP literal: parsed, never looked up
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }
}
