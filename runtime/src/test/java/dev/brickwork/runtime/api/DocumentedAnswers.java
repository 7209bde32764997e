package dev.brickwork.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * The OpenAPI document the server serves, and a check of real answers against it: the operation an answer belongs
 * to, the schema documented for its status and content type, and every property of the answer known to that schema
 * (recursively, with the JSON types it promises). Remembers which operations were checked.
 */
final class DocumentedAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    final JsonNode document;
    private final Set<String> checked = new TreeSet<>();

    DocumentedAnswers() {
        try {
            document = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every operation of the API ({@code GET /api/v1/me}). */
    Set<String> operations() {
        Set<String> all = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> all.add(method.toUpperCase() + " " + path.getKey())));
        return all;
    }

    Set<String> checked() {
        return checked;
    }

    /** The answer's problems with the document: empty when its body is what the document says. */
    List<String> violations(String method, String path, Response answer) {
        String template = template(method, path.split("\\?")[0]);
        String operation = method + " " + template;
        checked.add(operation);
        JsonNode responses = document.get("paths").get(template).get(method.toLowerCase()).get("responses");
        String status = String.valueOf(answer.statusCode());
        JsonNode response = responses.has(status) ? responses.get(status) : responses.get(status.charAt(0) + "XX");
        List<String> problems = new ArrayList<>();
        if (response == null) {
            problems.add(operation + " does not document status " + status);
            return problems;
        }
        String body = answer.asString();
        if (body.isEmpty()) {
            return problems;
        }
        String contentType = answer.contentType().split(";")[0].trim();
        JsonNode content = response.path("content").get(contentType);
        if (content == null) {
            problems.add(operation + " " + status + " does not document " + contentType);
            return problems;
        }
        if (!contentType.endsWith("json")) {
            return problems;
        }
        try {
            check(JSON.readTree(body), content.get("schema"), operation + " " + status + " ", problems);
        } catch (IOException e) {
            problems.add(operation + " answered no JSON");
        }
        return problems;
    }

    /** The documented path a concrete path belongs to; literal segments win over parameters. */
    private String template(String method, String path) {
        String best = null;
        int bestLiterals = -1;
        for (Iterator<Map.Entry<String, JsonNode>> it = document.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String regex = entry.getKey().replaceAll("\\{[^/]+}", "[^/]+");
            int literals = entry.getKey().replaceAll("\\{[^/]+}", "").length();
            if (entry.getValue().has(method.toLowerCase()) && Pattern.matches(regex, path) && literals > bestLiterals) {
                best = entry.getKey();
                bestLiterals = literals;
            }
        }
        if (best == null) {
            throw new AssertionError(method + " " + path + " is not in the OpenAPI document");
        }
        return best;
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            check(value, document.get("components").get("schemas").get(name), at, problems);
            return;
        }
        if (value.isNull() || !schema.has("type")) {
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + "holds a value outside its enumeration");
        }
        switch (schema.get("type").asText()) {
            case "object" -> object(value, schema, at, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + "is not an array");
                } else {
                    int i = 0;
                    for (JsonNode item : value) {
                        check(item, schema.get("items"), at + "/" + i++ + " ", problems);
                    }
                }
            }
            case "string" -> expect(value.isTextual(), at + "is not a string", problems);
            case "integer" -> expect(value.isIntegralNumber(), at + "is not an integer", problems);
            case "number" -> expect(value.isNumber(), at + "is not a number", problems);
            case "boolean" -> expect(value.isBoolean(), at + "is not a boolean", problems);
            default -> problems.add(at + "has an unknown schema type");
        }
    }

    private void object(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (!value.isObject()) {
            problems.add(at + "is not an object");
            return;
        }
        if (!schema.has("properties") && !schema.has("additionalProperties")) {
            return; // a free-form object, such as an audit entry's detail
        }
        value.fields().forEachRemaining(property -> {
            JsonNode declared = schema.path("properties").get(property.getKey());
            if (declared == null) {
                declared = schema.get("additionalProperties");
            }
            if (declared == null) {
                problems.add(at + "has the undocumented property " + property.getKey());
            } else {
                check(property.getValue(), declared, at + property.getKey() + " ", problems);
            }
        });
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void expect(boolean condition, String problem, List<String> problems) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
