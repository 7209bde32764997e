package dev.brickwork.runtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.Keys;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.runtime.auth.TokenIdentityProvider;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a role (docs/spec.md §8) by hand, as a pure function: every problem with a JSON pointer and a code, never the
 * rejected value. A valid role comes back normalised: all seven actions present (missing ones {@code none}) and
 * {@code fields} always an object, so readers of the stored JSON need no defaults of their own.
 * Apps and forms are not looked up: a role may be written before the app it speaks of is published.
 */
public final class RoleDefinitions {

    public static final List<String> ACTIONS = List.of("create", "read", "update", "delete", "import", "export", "share");
    public static final Set<String> SCOPES = Set.of("none", "own", "department", "subtree", "all");
    public static final Set<String> FIELD_ACCESS = Set.of("hidden", "readonly");
    /** Identities carry these implicitly (TokenIdentityProvider), so a role by that name would be ambiguous. */
    public static final Set<String> RESERVED = Set.of(TokenIdentityProvider.ADMIN_ROLE, TokenIdentityProvider.USER_ROLE,
            TokenIdentityProvider.METRICS_ROLE);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RoleDefinitions() {
    }

    /** The normalised role, or null with the problems that stop it. */
    public record Result(ObjectNode role, List<ProblemError> errors) {
    }

    public static Result validate(String pathKey, JsonNode body) {
        List<ProblemError> errors = new ArrayList<>();
        if (!body.isObject()) {
            errors.add(ProblemError.of("", "BODY_NOT_OBJECT", "A role is a JSON object."));
            return new Result(null, errors);
        }
        Body.unknownProperties(body, Set.of("key", "permissions"), "", errors);
        checkKey(pathKey, body.path("key"), errors);
        ArrayNode permissions = JSON.arrayNode();
        JsonNode given = body.path("permissions");
        if (!given.isArray()) {
            errors.add(ProblemError.of("/permissions", "PROPERTY_REQUIRED", "permissions is an array (it may be empty)."));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < given.size(); i++) {
                String at = "/permissions/" + i;
                ObjectNode permission = permission(given.get(i), at, errors);
                if (permission != null && !seen.add(permission.get("app").asText() + "/" + permission.get("form").asText())) {
                    errors.add(ProblemError.of(at, "PERMISSION_REPEATED", "This app and form already have an entry above."));
                }
                permissions.add(permission);
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        ObjectNode role = JSON.objectNode();
        role.put("key", pathKey);
        role.set("permissions", permissions);
        return new Result(role, errors);
    }

    private static void checkKey(String pathKey, JsonNode key, List<ProblemError> errors) {
        if (!key.isTextual()) {
            errors.add(ProblemError.of("/key", "PROPERTY_REQUIRED", "key is required and must be the key in the path."));
        } else if (!key.asText().equals(pathKey)) {
            errors.add(ProblemError.of("/key", "KEY_MISMATCH", "key must be the key in the path."));
        } else if (!Keys.valid(pathKey)) {
            errors.add(ProblemError.of("/key", "KEY_INVALID", "A role key matches " + Keys.KEY.pattern() + "."));
        } else if (RESERVED.contains(pathKey)) {
            errors.add(ProblemError.of("/key", "KEY_RESERVED", "This key is reserved and cannot be defined."));
        }
    }

    private static ObjectNode permission(JsonNode given, String at, List<ProblemError> errors) {
        if (!given.isObject()) {
            errors.add(ProblemError.of(at, "PERMISSION_NOT_OBJECT", "Each permission is an object."));
            return null;
        }
        int before = errors.size();
        Body.unknownProperties(given, Set.of("app", "form", "actions", "fields"), at, errors);
        ObjectNode permission = JSON.objectNode();
        for (String name : List.of("app", "form")) {
            JsonNode key = given.path(name);
            if (!key.isTextual() || !Keys.valid(key.asText())) {
                errors.add(ProblemError.of(at + "/" + name, "KEY_INVALID", name + " is a key matching " + Keys.KEY.pattern() + "."));
            } else {
                permission.put(name, key.asText());
            }
        }
        permission.set("actions", actions(given.path("actions"), at + "/actions", errors));
        permission.set("fields", fields(given.path("fields"), at + "/fields", errors));
        return errors.size() == before ? permission : null;
    }

    private static ObjectNode actions(JsonNode given, String at, List<ProblemError> errors) {
        ObjectNode actions = JSON.objectNode();
        ACTIONS.forEach(action -> actions.put(action, "none"));
        if (given.isMissingNode()) {
            return actions;
        }
        if (!given.isObject()) {
            errors.add(ProblemError.of(at, "ACTIONS_NOT_OBJECT", "actions maps an action to a scope."));
            return actions;
        }
        for (Map.Entry<String, JsonNode> entry : given.properties()) {
            String pointer = at + "/" + Body.escape(entry.getKey());
            if (!ACTIONS.contains(entry.getKey())) {
                errors.add(ProblemError.of(pointer, "ACTION_UNKNOWN", "Actions are " + String.join(", ", ACTIONS) + "."));
            } else if (!entry.getValue().isTextual() || !SCOPES.contains(entry.getValue().asText())) {
                errors.add(ProblemError.of(pointer, "SCOPE_INVALID", "Scopes are none, own, department, subtree, all."));
            } else {
                actions.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return actions;
    }

    private static ObjectNode fields(JsonNode given, String at, List<ProblemError> errors) {
        ObjectNode fields = JSON.objectNode();
        if (given.isMissingNode()) {
            return fields;
        }
        if (!given.isObject()) {
            errors.add(ProblemError.of(at, "FIELDS_NOT_OBJECT", "fields maps a field key to hidden or readonly."));
            return fields;
        }
        for (Map.Entry<String, JsonNode> entry : given.properties()) {
            String pointer = at + "/" + Body.escape(entry.getKey());
            if (!Keys.valid(entry.getKey())) {
                errors.add(ProblemError.of(pointer, "FIELD_KEY_INVALID", "A field key matches " + Keys.KEY.pattern() + "."));
            } else if (!entry.getValue().isTextual() || !FIELD_ACCESS.contains(entry.getValue().asText())) {
                errors.add(ProblemError.of(pointer, "FIELD_ACCESS_INVALID", "A field is hidden or readonly."));
            } else {
                fields.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return fields;
    }
}
