package dev.brickwork.platform.http;

import dev.brickwork.forms.StorableText;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The one way JSON is read, request bodies and stored JSON alike. Bodies are read as trees ourselves rather than
 * through data binding, so that a malformed or oversized body gets a located problem (400, 413) instead of a
 * framework error, and the parser's message (which may quote the input) never reaches the client.
 *
 * <p>Numbers stay exact ({@code 12345678901234567.89} is not a double, {@code 1e-400} not zero), a key repeated in
 * an object is refused rather than the last one winning, and text PostgreSQL cannot store (NUL, lone surrogates)
 * is refused here, once, for every body.
 */
public final class JsonBodies {

    /** Definitions, records and other JSON bodies above this size are refused with 413. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    /** The error code of a key that appears twice in one object. */
    public static final String DUPLICATE_KEY = "JSON_DUPLICATE_KEY";

    /** The error code of a number no decimal can hold (an exponent past the billions). */
    public static final String NUMBER_OUT_OF_RANGE = "NUMBER_OUT_OF_RANGE";

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private JsonBodies() {
    }

    /** How every mapper here reads JSON: exact decimals, no repeated keys, nothing after the value. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A request body as a tree: 400 when empty, malformed or holding a repeated key (located at the repeat), 413
     * when too large, 422 when a string or key holds text that cannot be stored (located at it).
     */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(CommonProblem.BODY_MALFORMED, "The request body is empty.");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        JsonNode node = read(body);
        Optional<String> unstorable = StorableText.firstUnstorable(node, "");
        if (unstorable.isPresent()) {
            throw new ProblemException(CommonProblem.TEXT_INVALID, "The body holds text that cannot be stored; nothing was written.",
                    List.of(JsonText.error(unstorable.get())));
        }
        return node;
    }

    public static JsonNode parse(String body) {
        return parse(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** The pointer of the repeated key when {@code e} reports one, else empty. */
    public static Optional<String> duplicateKey(JsonProcessingException e) {
        // both the parser's check and the tree reader's say so in the message; nothing else marks it
        boolean duplicate = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
        if (!duplicate || !(e.getProcessor() instanceof JsonParser parser)) {
            return Optional.empty();
        }
        return Optional.of(parser.getParsingContext().pathAsPointer().toString());
    }

    private static JsonNode read(byte[] body) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonNode node = readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new ProblemException(CommonProblem.BODY_MALFORMED, "The request body is empty.");
            }
            return node;
        } catch (JsonProcessingException e) {
            Optional<String> duplicate = duplicateKey(e);
            if (duplicate.isPresent()) {
                throw new ProblemException(CommonProblem.BODY_MALFORMED, "A key appears twice in one object.",
                        List.of(ProblemError.of(duplicate.get(), DUPLICATE_KEY, "This key appears earlier in the same object.")));
            }
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ProblemException(CommonProblem.BODY_MALFORMED, "The body is not valid JSON" + where + ".",
                    List.of(ProblemError.of("", "JSON_MALFORMED", "Not valid JSON" + where + ".")));
        } catch (java.io.IOException e) {
            throw new ProblemException(CommonProblem.BODY_MALFORMED, "The body could not be read.");
        }
    }

    private static JsonNode readTree(JsonParser parser) throws java.io.IOException {
        try {
            return MAPPER.readTree(parser);
        } catch (NumberFormatException e) {
            // an exponent beyond what any decimal holds: the parser still knows where it was
            throw new ProblemException(CommonProblem.REQUEST_INVALID, "A number is beyond any range that can be stored.",
                    List.of(ProblemError.of(parser.getParsingContext().pathAsPointer().toString(), NUMBER_OUT_OF_RANGE,
                            "This number is beyond any range that can be stored.")));
        }
    }

    public static ProblemException tooLarge() {
        return new ProblemException(CommonProblem.BODY_TOO_LARGE,
                "The body is larger than " + (MAX_BODY_BYTES / 1024 / 1024) + " MiB.");
    }
}
