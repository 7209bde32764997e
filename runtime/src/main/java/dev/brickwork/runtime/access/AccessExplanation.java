package dev.brickwork.runtime.access;

import java.util.List;

/**
 * Why a caller has the rights they have on one form (the admin's "view as"): the same role union that enforces access,
 * taken apart by role. Built by {@link Access#explain}, never by a second reading of the roles.
 *
 * @param actions every {@link Action}, in its order, with the scope the caller has and the roles whose own scope is that
 *                widest one (empty when the scope is {@code none})
 * @param fields  every field some role of the caller restricts on this form, with the access that results and what each
 *                role speaking about the form says of it (a role that does not restrict the field leaves it full)
 */
public record AccessExplanation(List<ActionGrant> actions, List<FieldRule> fields) {

    /** The built-in role that grants everything: administrators are not explained by their roles. */
    public static final String ADMIN_ROLE = "admin";

    public record ActionGrant(Action action, Scope scope, List<String> grantedBy) {
    }

    public record FieldRule(String field, FieldAccess access, List<RoleSays> byRole) {
    }

    public record RoleSays(String role, FieldAccess access) {
    }
}
