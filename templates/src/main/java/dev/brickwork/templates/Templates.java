package dev.brickwork.templates;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The app packages Brickwork ships, assembled from their parts on the classpath into one package in the
 * docs/spec.md §3 format. A template is data: each part is a JSON file under {@code dev/brickwork/templates/<name>/}
 * ({@code app.json} names the forms and flows in install order; {@code forms/<key>.json}, {@code flows/<key>.json},
 * {@code roles.json}, {@code departments.json}), so it goes through the same validation as any uploaded package.
 */
public final class Templates {

    /** The package format version the templates are written in. */
    public static final int PACKAGE_VERSION = 1;

    private static final String ROOT = "dev/brickwork/templates/";
    // numbers stay the decimals written; a repeated key in a part is a defect, not "the last one wins"
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static volatile ObjectNode crm;

    private Templates() {
    }

    /** The CRM starter (app key {@code crm}): a fresh copy the caller may change. */
    public static ObjectNode crm() {
        ObjectNode assembled = crm;
        if (assembled == null) {
            assembled = assemble("crm");
            crm = assembled;
        }
        return assembled.deepCopy();
    }

    private static ObjectNode assemble(String name) {
        String dir = ROOT + name + "/";
        JsonNode app = read(dir + "app.json");
        ObjectNode pack = JSON.createObjectNode();
        pack.put("packageVersion", PACKAGE_VERSION);
        ObjectNode appPart = pack.putObject("app");
        for (String property : new String[] {"key", "label", "version"}) {
            appPart.set(property, required(app, property, dir + "app.json"));
        }
        pack.set("forms", parts(dir + "forms/", required(app, "forms", dir + "app.json")));
        pack.set("flows", parts(dir + "flows/", required(app, "flows", dir + "app.json")));
        pack.set("roles", read(dir + "roles.json"));
        pack.set("departments", read(dir + "departments.json"));
        pack.set("seed", required(app, "seed", dir + "app.json"));
        return pack;
    }

    /** One part per key, in the order app.json lists them (the order an installer publishes them in). */
    private static ArrayNode parts(String dir, JsonNode keys) {
        ArrayNode parts = JSON.createArrayNode();
        for (JsonNode key : keys) {
            parts.add(read(dir + key.asText() + ".json"));
        }
        return parts;
    }

    private static JsonNode required(JsonNode object, String property, String resource) {
        JsonNode value = object.get(property);
        if (value == null) {
            throw new IllegalStateException(resource + " has no '" + property + "'");
        }
        return value;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                // the parts are built into this jar; a missing one is a packaging defect
                throw new IllegalStateException("The template part " + resource + " is not on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The template part " + resource + " is not valid JSON", e);
        }
    }
}
