package dev.brickwork.designer.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.platform.http.JsonBodies;

import java.io.UncheckedIOException;

/** JSON this module wrote to the database, read back (trusted: no size limit, no problem for a client). */
final class StoredJson {

    private StoredJson() {
    }

    static JsonNode parse(String json) {
        try {
            return JsonBodies.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored JSON does not parse", e);
        }
    }

    static String write(Object value) {
        try {
            return JsonBodies.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Problems and plans always serialise", e);
        }
    }
}
