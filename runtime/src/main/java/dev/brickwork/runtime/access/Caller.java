package dev.brickwork.runtime.access;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as far as scopes care.
 *
 * @param name        the user name (or API token name), for the audit log
 * @param department  the caller's department, or null
 * @param subtree     the department and every department below it (empty without a department)
 * @param departmentMembers the users of the caller's department: a scope compares owners against them
 * @param subtreeMembers    the users of the subtree
 */
public record Caller(UUID id, String name, UUID department, Set<UUID> subtree, boolean admin,
                     UUID[] departmentMembers, UUID[] subtreeMembers) {

    public Caller {
        subtree = Set.copyOf(subtree);
    }

    /** A caller whose department members are not known (tests of the role union). */
    public Caller(UUID id, String name, UUID department, Set<UUID> subtree, boolean admin) {
        this(id, name, department, subtree, admin, new UUID[0], new UUID[0]);
    }
}
