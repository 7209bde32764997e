package dev.brickwork.runtime.admin;

import dev.brickwork.forms.expr.DateRange;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.Keys;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.platform.http.ProblemType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A JSON object body read by hand: every problem is collected with its pointer (none echoes the value), so one
 * answer lists them all. Unknown properties are problems, not silence.
 */
final class Body {

    private final JsonNode node;
    private final List<ProblemError> errors = new ArrayList<>();

    private Body(JsonNode node) {
        this.node = node;
    }

    static Body parse(byte[] bytes, Set<String> allowed) {
        JsonNode node = JsonBodies.parse(bytes);
        Body body = new Body(node);
        if (!node.isObject()) {
            body.error("", "BODY_NOT_OBJECT", "The body must be a JSON object.");
            return body;
        }
        unknownProperties(node, allowed, "", body.errors);
        return body;
    }

    static void unknownProperties(JsonNode object, Set<String> allowed, String at, List<ProblemError> errors) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add(ProblemError.of(at + "/" + escape(name), "PROPERTY_UNKNOWN", "This property is not known here."));
            }
        }
    }

    /** RFC 6901: the property name as a pointer token. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    boolean has(String name) {
        return node.has(name);
    }

    void error(String pointer, String code, String message) {
        errors.add(ProblemError.of(pointer, code, message));
    }

    List<ProblemError> errors() {
        return errors;
    }

    void throwIfInvalid(ProblemType type, String detail) {
        if (!errors.isEmpty()) {
            throw new ProblemException(type, detail, errors);
        }
    }

    /** A non-blank string of at most {@code max} characters; null (with an error) otherwise. */
    String text(String name, int max) {
        JsonNode value = node.path(name);
        if (!value.isTextual() || value.asText().isBlank()) {
            error("/" + name, "PROPERTY_REQUIRED", "A non-empty text " + name + " is required.");
            return null;
        }
        if (value.asText().length() > max) {
            error("/" + name, "PROPERTY_TOO_LONG", "At most " + max + " characters.");
            return null;
        }
        return value.asText();
    }

    /** An id or JSON null; absent counts as null. */
    UUID idOrNull(String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        UUID id = value.isTextual() ? Params.uuid(value.asText()) : null;
        if (id == null) {
            error("/" + name, "PROPERTY_NOT_ID", "Must be an id (UUID) or null.");
        }
        return id;
    }

    boolean bool(String name) {
        JsonNode value = node.path(name);
        if (!value.isBoolean()) {
            error("/" + name, "PROPERTY_NOT_BOOLEAN", "Must be true or false.");
            return false;
        }
        return value.booleanValue();
    }

    /** An array of role keys, without repeats; each bad entry is located by its index. */
    List<String> keys(String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode()) {
            return List.of();
        }
        if (!value.isArray()) {
            error("/" + name, "PROPERTY_NOT_ARRAY", "Must be an array of role keys.");
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode key = value.get(i);
            if (!key.isTextual() || !Keys.valid(key.asText())) {
                error("/" + name + "/" + i, "ROLE_KEY_INVALID", "Must be a role key matching " + Keys.KEY.pattern() + ".");
            } else if (!keys.add(key.asText())) {
                error("/" + name + "/" + i, "ROLE_REPEATED", "This role is listed twice.");
            }
        }
        return List.copyOf(keys);
    }

    /** An ISO-8601 date-time with an offset, e.g. {@code 2027-01-31T00:00:00Z}. */
    Instant instant(String name) {
        JsonNode value = node.path(name);
        if (!value.isTextual()) {
            error("/" + name, "PROPERTY_REQUIRED", "An ISO-8601 date-time with an offset is required.");
            return null;
        }
        Optional<Instant> time = DateRange.instant(value.asText());
        if (time.isPresent()) {
            return time.get();
        }
        error("/" + name, "PROPERTY_NOT_DATE_TIME", "Must be an ISO-8601 date-time with an offset, in the years 1 to 9999.");
        return null;
    }

    String rawText(String name) {
        JsonNode value = node.path(name);
        return value.isTextual() ? value.asText() : null;
    }
}
