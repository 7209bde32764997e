package dev.brickwork.runtime.access;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rights of a set of roles on one form: their union. An action gets the widest scope any role grants; a field
 * is as open as the most open of the roles that speak about the form (a role that does not restrict a field leaves
 * it fully open).
 */
final class RoleUnion {

    private RoleUnion() {
    }

    static FormAccess on(Caller caller, List<JsonNode> roles, String appKey, String formKey) {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode role : roles) {
            for (JsonNode permission : role.path("permissions")) {
                if (isAbout(permission, appKey, formKey)) {
                    entries.add(permission);
                }
            }
        }
        Map<Action, Scope> scopes = new EnumMap<>(Action.class);
        Set<String> restricted = new HashSet<>();
        for (JsonNode entry : entries) {
            for (Action action : Action.values()) {
                Scope granted = Scope.fromJson(entry.path("actions").path(action.json()).asText("none")).orElse(Scope.NONE);
                scopes.merge(action, granted, Scope::widest);
            }
            entry.path("fields").fieldNames().forEachRemaining(restricted::add);
        }
        Map<String, FieldAccess> fields = new HashMap<>();
        for (String field : restricted) {
            FieldAccess access = FieldAccess.HIDDEN;
            for (JsonNode entry : entries) {
                access = access.widest(fieldAccess(entry.path("fields").path(field).asText("")));
            }
            if (access != FieldAccess.FULL) {
                fields.put(field, access);
            }
        }
        return new FormAccess(caller, scopes, fields);
    }

    /** Whether the role has an entry for this form: only such roles take part in the form's field union. */
    static boolean speaksAbout(JsonNode role, String appKey, String formKey) {
        for (JsonNode permission : role.path("permissions")) {
            if (isAbout(permission, appKey, formKey)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAbout(JsonNode permission, String appKey, String formKey) {
        return appKey.equals(permission.path("app").asText()) && formKey.equals(permission.path("form").asText());
    }

    private static FieldAccess fieldAccess(String text) {
        return switch (text) {
            case "hidden" -> FieldAccess.HIDDEN;
            case "readonly" -> FieldAccess.READONLY;
            default -> FieldAccess.FULL;
        };
    }
}
