package dev.brickwork.runtime.access;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Everything one caller may do: their identity for scopes, and their roles' rights per form. */
public final class Access {

    private final Caller caller;
    private final List<JsonNode> roles;

    Access(Caller caller, List<JsonNode> roles) {
        this.caller = caller;
        this.roles = List.copyOf(roles);
    }

    public Caller caller() {
        return caller;
    }

    public FormAccess form(String appKey, String formKey) {
        return caller.admin() ? FormAccess.everything(caller) : RoleUnion.on(caller, roles, appKey, formKey);
    }
}
