package dev.brickwork.runtime.access;

import dev.brickwork.runtime.records.query.Params;
import dev.brickwork.runtime.records.query.ScopePredicate;

import java.util.UUID;

/**
 * A scope as an SQL condition on a record table, so that every read carries it inside the query. "own" is the
 * records the caller owns or created; "department" those owned by anyone in the caller's department; "subtree"
 * those owned by anyone in that department or below.
 */
public final class ScopeSql {

    private ScopeSql() {
    }

    public static ScopePredicate of(Scope scope, Caller caller) {
        return (alias, params) -> condition(scope, caller, alias, params);
    }

    /** The condition, or null when the scope reaches every record. */
    public static String condition(Scope scope, Caller caller, String alias, Params params) {
        String prefix = alias == null || alias.isEmpty() ? "" : alias + ".";
        return switch (scope) {
            case ALL -> null;
            case NONE -> "false";
            case OWN -> own(caller, prefix, params);
            case DEPARTMENT -> caller.department() == null ? own(caller, prefix, params)
                    : "(" + prefix + "owner IN (SELECT u.id FROM brickwork.users u WHERE u.department_id = "
                    + params.add(caller.department()) + "))";
            case SUBTREE -> caller.subtree().isEmpty() ? own(caller, prefix, params)
                    : "(" + prefix + "owner IN (SELECT u.id FROM brickwork.users u WHERE u.department_id = ANY("
                    + params.add(caller.subtree().toArray(UUID[]::new)) + ")))";
        };
    }

    private static String own(Caller caller, String prefix, Params params) {
        if (caller.id() == null) {
            return "false";
        }
        String me = params.add(caller.id());
        return "(" + prefix + "owner = " + me + " OR " + prefix + "created_by = " + me + ")";
    }
}
