package dev.brickwork.runtime.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.templates.samples.SampleGenerators;
import dev.brickwork.templates.samples.SampleSize;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What to load: a generator's data set of a size, from a seed, into an app. Read from {@code POST /admin/samples} or a
 * package's {@code seed}; every problem is located and none echoes the value.
 *
 * @param seed the generator's seed: the same seed and day give the same data
 */
public record SampleRequest(String app, String generator, SampleSize size, long seed) {

    public static final long DEFAULT_SEED = 42;
    private static final Set<String> PROPERTIES = Set.of("app", "generator", "size", "seed");
    private static final Set<String> SEED_PROPERTIES = Set.of("generator", "size", "seed");

    /** The body of {@code POST /admin/samples}: {@code app} and {@code generator} required, {@code size} small, seed 42. */
    public static SampleRequest parse(byte[] body) {
        JsonNode node = JsonBodies.parse(body);
        List<ProblemError> errors = new ArrayList<>();
        if (!node.isObject()) {
            throw invalid(List.of(ProblemError.of("", "BODY_NOT_OBJECT", "The body must be a JSON object.")));
        }
        unknown(node, PROPERTIES, errors);
        String app = text(node, "app", true, errors);
        return read(app, node, errors);
    }

    /** A package's {@code seed} ({@code {"generator", "size", "seed"}}) for the app the package installed. */
    public static SampleRequest ofSeed(String app, JsonNode seed) {
        List<ProblemError> errors = new ArrayList<>();
        if (seed == null || !seed.isObject()) {
            throw invalid(List.of(ProblemError.of("/seed", "SEED_NOT_OBJECT", "A package's seed is a JSON object.")));
        }
        unknown(seed, SEED_PROPERTIES, errors);
        return read(app, seed, errors);
    }

    private static SampleRequest read(String app, JsonNode node, List<ProblemError> errors) {
        String generator = text(node, "generator", true, errors);
        if (generator != null && SampleGenerators.forms(generator).isEmpty()) {
            errors.add(ProblemError.of("/generator", "GENERATOR_UNKNOWN", "No sample generator has this name; known: "
                    + String.join(", ", SampleGenerators.names()) + "."));
        }
        String sizeName = text(node, "size", false, errors);
        SampleSize size = sizeName == null ? SampleSize.SMALL : SampleSize.fromJson(sizeName).orElse(null);
        if (size == null) {
            errors.add(ProblemError.of("/size", "SIZE_UNKNOWN", "The size is one of tiny, small, medium, large."));
        }
        long seed = DEFAULT_SEED;
        JsonNode seedNode = node.get("seed");
        if (seedNode != null && !seedNode.isNull()) {
            if (seedNode.isIntegralNumber() && seedNode.canConvertToLong()) {
                seed = seedNode.longValue();
            } else {
                errors.add(ProblemError.of("/seed", "SEED_INVALID", "The seed is a whole number."));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new SampleRequest(app, generator, size, seed);
    }

    private static String text(JsonNode node, String name, boolean required, List<ProblemError> errors) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(ProblemError.of("/" + name, "PROPERTY_REQUIRED", "\"" + name + "\" is required."));
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank() || value.textValue().length() > 100) {
            errors.add(ProblemError.of("/" + name, "PROPERTY_INVALID", "\"" + name + "\" is a name of at most 100 characters."));
            return null;
        }
        return value.textValue();
    }

    private static void unknown(JsonNode node, Set<String> allowed, List<ProblemError> errors) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add(ProblemError.of("/" + name.replace("~", "~0").replace("/", "~1"), "PROPERTY_UNKNOWN",
                        "This property is not known here."));
            }
        }
    }

    private static ProblemException invalid(List<ProblemError> errors) {
        return new ProblemException(SampleProblem.SAMPLE_REQUEST_INVALID, "The request has problems; see errors.", errors);
    }
}
