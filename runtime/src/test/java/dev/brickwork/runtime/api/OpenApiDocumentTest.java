package dev.brickwork.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.platform.http.ProblemDetail;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The OpenAPI document types every JSON body and every problem, and is served, with Swagger UI, without a token. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class OpenApiDocumentTest {

    private JsonNode document;

    @BeforeEach
    void readTheDocument() {
        document = new DocumentedAnswers().document;
    }

    @Test
    void noJsonAnswerOrRequestBodyIsDocumentedAsABareStringOrAnUntypedValue() {
        List<String> untyped = new ArrayList<>();
        eachOperation((operation, node) -> {
            node.path("responses").fields().forEachRemaining(response -> {
                JsonNode schema = response.getValue().path("content").path("application/json").get("schema");
                if (response.getKey().startsWith("2") && schema != null && untyped(schema)) {
                    untyped.add(operation + " " + response.getKey());
                }
            });
            node.path("requestBody").path("content").fields().forEachRemaining(content -> {
                if (!content.getKey().equals("application/json") && !content.getKey().equals("application/xml")) {
                    untyped.add(operation + " takes " + content.getKey());
                } else if (content.getKey().equals("application/json") && untyped(content.getValue().get("schema"))) {
                    untyped.add(operation + " body");
                }
            });
        });
        assertThat(untyped).isEmpty();
    }

    @Test
    void everyOperationDescribesItsRefusalsWithTheProblemSchema() {
        List<String> undescribed = new ArrayList<>();
        eachOperation((operation, node) -> {
            if (!node.path("responses").has("4XX")) {
                undescribed.add(operation + " 4XX");
            }
            node.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().matches("[45].*") && !"#/components/schemas/Problem".equals(response.getValue()
                        .path("content").path("application/problem+json").path("schema").path("$ref").asText())) {
                    undescribed.add(operation + " " + response.getKey());
                }
            });
        });
        assertThat(undescribed).isEmpty();
    }

    @Test
    void theProblemSchemasHaveExactlyThePropertiesOfTheirClasses() {
        assertThat(properties("Problem")).isEqualTo(components(ProblemDetail.class));
        // the engine's definition problem is described in application.properties (the engine has no annotations)
        assertThat(properties("DefinitionProblem")).isEqualTo(components(Problem.class));
    }

    @Test
    void everyOperationButTheLoginNeedsABearerToken() {
        List<String> open = new ArrayList<>();
        eachOperation((operation, node) -> {
            if (node.path("security").isEmpty() != operation.equals("POST /api/v1/auth/login")) {
                open.add(operation);
            }
        });
        assertThat(open).isEmpty();
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void theDocumentAndSwaggerUiAreServedWithoutAToken() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/apps/{app}/forms/{form}/records"));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }

    private void eachOperation(BiConsumer<String, JsonNode> action) {
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                operation -> action.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue())));
    }

    /** No schema, a bare string, or an object whose properties nobody described. */
    private boolean untyped(JsonNode schema) {
        if (schema == null || schema.isEmpty()) {
            return true;
        }
        if (schema.has("$ref")) {
            return false;
        }
        String type = schema.path("type").asText();
        return type.equals("string") || (type.equals("object") && !schema.has("properties") && !schema.has("description"));
    }

    private Set<String> properties(String schema) {
        Set<String> names = new TreeSet<>();
        document.at("/components/schemas/" + schema + "/properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> components(Class<? extends Record> type) {
        return new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
    }
}
