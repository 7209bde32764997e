package dev.brickwork.forms.read;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.FormCatalog;
import dev.brickwork.forms.model.FormDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Test fixtures: JSON from text or from {@code definitions/}, and problems as "pointer CODE" strings. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Fixtures() {
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode definition(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/definitions/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FormDefinition read(String name) {
        return DefinitionReader.read(definition(name)).definition().orElseThrow();
    }

    /** The catalog of the docs/spec.md §2 example: {@code customer} and {@code payment_plan}. */
    public static FormCatalog contractCatalog() {
        Map<String, FormDefinition> forms = Map.of("customer", read("customer"), "payment_plan", read("payment_plan"));
        return key -> Optional.ofNullable(forms.get(key));
    }

    public static Set<String> found(java.util.List<Problem> problems) {
        return problems.stream().map(p -> p.pointer() + " " + p.code()).collect(Collectors.toSet());
    }
}
