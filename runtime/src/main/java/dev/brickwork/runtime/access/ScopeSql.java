package dev.brickwork.runtime.access;

import dev.brickwork.runtime.records.query.Params;
import dev.brickwork.runtime.records.query.ScopePredicate;


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
            // the members are resolved when the caller's access is (cached, dropped on any change to users or
            // departments), so the database checks one array instead of joining users for every row it reads
            case DEPARTMENT -> caller.department() == null ? own(caller, prefix, params)
                    : prefix + "owner = ANY(" + params.add(caller.departmentMembers()) + ")";
            case SUBTREE -> caller.subtree().isEmpty() ? own(caller, prefix, params)
                    : prefix + "owner = ANY(" + params.add(caller.subtreeMembers()) + ")";
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
