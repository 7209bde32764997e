package dev.brickwork.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.compile.FormCatalog;
import dev.brickwork.forms.compile.FormCompilation;
import dev.brickwork.forms.compile.FormCompiler;
import dev.brickwork.forms.model.FormDefinition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The CRM starter's parts as the tests look at them: forms by key and a catalog of them, as an install would see. */
final class CrmParts {

    static final ObjectNode PACKAGE = Templates.crm();

    private CrmParts() {
    }

    /** The package's form definitions by key, in package order. */
    static Map<String, JsonNode> forms() {
        Map<String, JsonNode> forms = new LinkedHashMap<>();
        PACKAGE.get("forms").forEach(form -> forms.put(form.get("key").asText(), form));
        return forms;
    }

    static Stream<String> formKeys() {
        return forms().keySet().stream();
    }

    static JsonNode form(String key) {
        return Optional.ofNullable(forms().get(key)).orElseThrow(() -> new AssertionError("no form " + key));
    }

    /**
     * The other forms of the package, read the way designer-api's AppCatalog reads published ones: each definition on
     * its own, so a form is checked against what the others declare.
     */
    static FormCatalog catalog() {
        Map<String, JsonNode> forms = forms();
        Map<String, FormDefinition> read = new LinkedHashMap<>();
        return key -> {
            JsonNode source = forms.get(key);
            if (source == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(read.computeIfAbsent(key,
                    k -> FormCompiler.compile(source, FormCatalog.EMPTY).definition().orElse(null)));
        };
    }

    static FormCompilation compile(String key) {
        return FormCompiler.compile(form(key), catalog());
    }

    static CompiledForm compiled(String key) {
        FormCompilation compilation = compile(key);
        return compilation.form().orElseThrow(() -> new AssertionError(key + " does not compile: " + compilation.problems()));
    }

    static Set<String> roleKeys() {
        Set<String> keys = new TreeSet<>();
        PACKAGE.get("roles").forEach(role -> keys.add(role.get("key").asText()));
        return keys;
    }

    /** Every field object of a form, subtable fields included. */
    static Stream<JsonNode> allFields(JsonNode form) {
        Stream.Builder<JsonNode> fields = Stream.builder();
        for (JsonNode field : form.get("fields")) {
            fields.add(field);
            if (field.has("fields")) {
                field.get("fields").forEach(fields::add);
            }
        }
        return fields.build();
    }
}
