package dev.brickwork.runtime.access;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as far as scopes care.
 *
 * @param name        the user name (or API token name), for the audit log
 * @param department  the caller's department, or null
 * @param subtree     the department and every department below it (empty without a department)
 */
public record Caller(UUID id, String name, UUID department, Set<UUID> subtree, boolean admin) {

    public Caller {
        subtree = Set.copyOf(subtree);
    }
}
