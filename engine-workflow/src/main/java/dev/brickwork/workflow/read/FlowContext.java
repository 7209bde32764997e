package dev.brickwork.workflow.read;

import dev.brickwork.forms.compile.CompiledForm;

import java.util.Set;

/**
 * What a flow is validated against.
 *
 * @param form  the compiled form the flow is bound to (its current published version)
 * @param roles the keys of the roles that exist
 */
public record FlowContext(CompiledForm form, Set<String> roles) {

    /** Record system fields that hold a user, usable as {@code field} / {@code managerOf} approvers. */
    public static final Set<String> SYSTEM_USER_FIELDS = Set.of("owner", "created_by");

    public FlowContext {
        roles = Set.copyOf(roles);
    }
}
