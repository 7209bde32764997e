package dev.brickwork.runtime.access;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Everything one caller may do: their identity for scopes, and their roles' rights per form. */
public final class Access {

    private final Caller caller;
    private final List<JsonNode> roles;
    private final String roleKeys;
    private final Map<String, FormAccess> unions;

    /**
     * @param roleKeys the caller's role keys in a stable order, naming the union
     * @param unions   unions of role sets per form, shared by every caller until roles change: the same roles on the
     *                 same form always give the same rights (only the caller differs)
     */
    Access(Caller caller, List<JsonNode> roles, String roleKeys, Map<String, FormAccess> unions) {
        this.caller = caller;
        this.roles = List.copyOf(roles);
        this.roleKeys = roleKeys;
        this.unions = unions;
    }

    /**
     * The rights a flow acts with when it writes what its definition says (an update node, the outcome values):
     * every form, every field, recorded in the timeline and audit log under the user whose decision caused it.
     */
    public static Access system(java.util.UUID actor, String actorName) {
        Caller caller = new Caller(actor, actorName, null, java.util.Set.of(), true);
        return new Access(caller, List.of(), "", new java.util.concurrent.ConcurrentHashMap<>());
    }

    public Caller caller() {
        return caller;
    }

    public FormAccess form(String appKey, String formKey) {
        if (caller.admin()) {
            return FormAccess.everything(caller);
        }
        FormAccess union = unions.computeIfAbsent(roleKeys + "|" + appKey + "|" + formKey,
                key -> RoleUnion.on(null, roles, appKey, formKey));
        return union.forCaller(caller);
    }

    /**
     * The rights on one form taken apart by role: each action's scope with the roles granting that scope, each
     * restricted field with what every role speaking about the form says of it. The union is {@link #form}'s, and each
     * role's share is the same {@link RoleUnion} applied to that role alone.
     */
    public AccessExplanation explain(String appKey, String formKey) {
        FormAccess union = form(appKey, formKey);
        if (caller.admin()) {
            List<AccessExplanation.ActionGrant> all = new ArrayList<>();
            for (Action action : Action.values()) {
                all.add(new AccessExplanation.ActionGrant(action, union.scope(action), List.of(AccessExplanation.ADMIN_ROLE)));
            }
            return new AccessExplanation(all, List.of());
        }
        Map<String, FormAccess> byRole = new LinkedHashMap<>();
        for (JsonNode role : roles) {
            if (RoleUnion.speaksAbout(role, appKey, formKey)) {
                byRole.put(role.path("key").asText(), RoleUnion.on(caller, List.of(role), appKey, formKey));
            }
        }
        List<AccessExplanation.ActionGrant> actions = new ArrayList<>();
        for (Action action : Action.values()) {
            Scope scope = union.scope(action);
            List<String> granting = scope == Scope.NONE ? List.of() : byRole.entrySet().stream()
                    .filter(e -> e.getValue().scope(action) == scope).map(Map.Entry::getKey).toList();
            actions.add(new AccessExplanation.ActionGrant(action, scope, granting));
        }
        Set<String> restricted = new TreeSet<>();
        byRole.values().forEach(share -> {
            restricted.addAll(share.hidden());
            restricted.addAll(share.readOnly());
        });
        List<AccessExplanation.FieldRule> fields = new ArrayList<>();
        for (String field : restricted) {
            List<AccessExplanation.RoleSays> says = byRole.entrySet().stream()
                    .map(e -> new AccessExplanation.RoleSays(e.getKey(), e.getValue().field(field))).toList();
            fields.add(new AccessExplanation.FieldRule(field, union.field(field), says));
        }
        return new AccessExplanation(actions, fields);
    }
}
