package dev.brickwork.runtime.access;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

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
}
