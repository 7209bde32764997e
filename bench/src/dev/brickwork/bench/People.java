package dev.brickwork.bench;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Phase C's people: the ten users who own the rows, department by department (two each: 2d and 2d + 1), all with
 * the role {@code bench_reader}, which reads bench/deal with scope department.
 */
final class People {

    static final int DEPARTMENTS = 5;
    static final int USERS_PER_DEPARTMENT = 2;
    static final String READER_ROLE = "bench_reader";

    final UUID[] departmentIds = new UUID[DEPARTMENTS];
    final UUID[] ownerIds = new UUID[DEPARTMENTS * USERS_PER_DEPARTMENT];
    final String[] ownerNames = new String[ownerIds.length];
    final String[] ownerPasswords = new String[ownerIds.length];

    /** The users of department {@code d} (0-based). */
    Set<UUID> departmentUsers(int d) {
        Set<UUID> users = new HashSet<>();
        for (int u = 0; u < USERS_PER_DEPARTMENT; u++) {
            users.add(ownerIds[d * USERS_PER_DEPARTMENT + u]);
        }
        return users;
    }
}
