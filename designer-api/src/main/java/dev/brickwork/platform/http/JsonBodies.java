package dev.brickwork.platform.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads request bodies ourselves rather than through data binding, so that a malformed or oversized body gets
 * a located problem (400, 413) instead of a framework error, and the parser's message (which may quote the
 * input) never reaches the client.
 */
public final class JsonBodies {

    /** Definitions, records and other JSON bodies above this size are refused with 413. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private JsonBodies() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(CommonProblem.BODY_MALFORMED, "The request body is empty.");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ProblemException(CommonProblem.BODY_MALFORMED, "The request body is empty.");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ProblemException(CommonProblem.BODY_MALFORMED, "The body is not valid JSON" + where + ".",
                    List.of(ProblemError.of("", "JSON_MALFORMED", "Not valid JSON" + where + ".")));
        } catch (java.io.IOException e) {
            throw new ProblemException(CommonProblem.BODY_MALFORMED, "The body could not be read.");
        }
    }

    public static JsonNode parse(String body) {
        return parse(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    public static ProblemException tooLarge() {
        return new ProblemException(CommonProblem.BODY_TOO_LARGE,
                "The body is larger than " + (MAX_BODY_BYTES / 1024 / 1024) + " MiB.");
    }
}
