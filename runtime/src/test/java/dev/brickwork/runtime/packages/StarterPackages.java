package dev.brickwork.runtime.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.templates.Templates;
import io.restassured.response.ValidatableResponse;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;

/** The CRM starter under an app key of the test's own, and the package calls. */
final class StarterPackages {

    private StarterPackages() {
    }

    /** The starter, without its seed, as app {@code appKey}: the app's key and every role's permissions renamed. */
    static ObjectNode starter(String appKey) {
        ObjectNode pkg = Templates.crm();
        pkg.remove("seed");
        return renamed(pkg, appKey);
    }

    static ObjectNode renamed(ObjectNode pkg, String appKey) {
        ObjectNode copy = pkg.deepCopy();
        ((ObjectNode) copy.get("app")).put("key", appKey);
        for (JsonNode role : copy.path("roles")) {
            for (JsonNode permission : role.path("permissions")) {
                ((ObjectNode) permission).put("app", appKey);
            }
        }
        return copy;
    }

    static ValidatableResponse install(JsonNode pkg) {
        return given().body(pkg.toString()).post("/api/v1/design/packages").then();
    }

    static ValidatableResponse dryRun(JsonNode pkg) {
        return given().body(pkg.toString()).queryParam("dryRun", true).post("/api/v1/design/packages").then();
    }

    static ObjectNode export(String appKey) {
        String body = given().get("/api/v1/design/apps/" + appKey + "/package").then().statusCode(200).extract().asString();
        return (ObjectNode) JsonBodies.parse(body);
    }

    /** The document with every object's keys sorted: two exports compare equal when only key order differs. */
    static String canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                sorted.put(field.getKey(), field.getValue());
            }
            StringBuilder out = new StringBuilder("{");
            sorted.forEach((key, value) -> out.append(out.length() > 1 ? "," : "").append('"').append(key).append("\":")
                    .append(canonical(value)));
            return out.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            node.forEach(item -> out.append(out.length() > 1 ? "," : "").append(canonical(item)));
            return out.append(']').toString();
        }
        return node.toString();
    }
}
