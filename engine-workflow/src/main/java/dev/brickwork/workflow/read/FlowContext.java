package dev.brickwork.workflow.read;

import dev.brickwork.forms.compile.CompiledForm;

import java.util.Map;
import java.util.Set;

/**
 * What a flow is validated against.
 *
 * @param form  the compiled form the flow is bound to (its current published version)
 * @param roles the keys of the roles that exist
 * @param users username to user id, for the usernames an uploaded BPMN names ({@code assignee},
 *              {@code candidateUsers}); a designed flow names users by id and needs none
 */
public record FlowContext(CompiledForm form, Set<String> roles, Map<String, String> users) {

    /** Record system fields that hold a user, usable as {@code field} / {@code managerOf} approvers. */
    public static final Set<String> SYSTEM_USER_FIELDS = Set.of("owner", "created_by");

    public FlowContext {
        roles = Set.copyOf(roles);
        users = Map.copyOf(users);
    }

    public FlowContext(CompiledForm form, Set<String> roles) {
        this(form, roles, Map.of());
    }
}
