package dev.brickwork.workflow.plan;

import dev.brickwork.forms.StorableText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.brickwork.forms.Problem;
import org.w3c.dom.Element;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code operaton:property} / {@code camunda:property} elements of one BPMN element. A handler reads the
 * {@code brickwork.*} properties its element may have; {@link #finish()} then reports every other one. Every problem
 * is located at the element, and no message repeats a property's value.
 */
final class ElementProperties {

    static final String PREFIX = "brickwork.";
    // read as request bodies are: exact decimals, a repeated key refused
    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true)).build().reader();

    private static final Pattern QUOTED = Pattern.compile("'[^']*'");

    private final String pointer;
    private final List<Problem> problems;
    private final Map<String, String> values = new LinkedHashMap<>();

    private ElementProperties(String pointer, List<Problem> problems) {
        this.pointer = pointer;
        this.problems = problems;
    }

    static ElementProperties of(Element element, List<Problem> problems) {
        ElementProperties properties = new ElementProperties(Dom.pointer(element.getAttribute("id")), problems);
        Element extensions = Dom.child(element, "extensionElements");
        if (extensions != null) {
            for (Element e : Dom.descendants(extensions)) {
                if (Dom.isEngine(e) && "property".equals(e.getLocalName())) {
                    properties.add(e.getAttribute("name"), e.getAttribute("value"));
                }
            }
        }
        return properties;
    }

    private void add(String name, String value) {
        if (!name.startsWith(PREFIX)) {
            problems.add(Problem.warning(pointer, UploadCodes.UPLOAD_PROPERTY_IGNORED,
                    "A property whose name does not start with 'brickwork.' is ignored"));
        } else if (values.putIfAbsent(name, value) != null) {
            problems.add(Problem.error(pointer, UploadCodes.UPLOAD_PROPERTY_UNKNOWN,
                    "Property " + safe(name) + " is given twice"));
        }
    }

    String pointer() {
        return pointer;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The property's text, taken (so {@link #finish()} does not report it); null when absent or blank. */
    String text(String name, boolean required) {
        String value = values.remove(name);
        if (value == null || value.isBlank()) {
            if (required || value != null) {
                error(UploadCodes.UPLOAD_PROPERTY_MISSING, "Property " + name + " is required and not blank");
            }
            return null;
        }
        return value;
    }

    /** The property's value parsed as JSON; null (reported) when absent or not valid JSON. */
    JsonNode json(String name, boolean required) {
        String text = text(name, required);
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (StorableText.firstUnstorable(node, "").isPresent()) {
                error(UploadCodes.UPLOAD_PROPERTY_JSON, "Property " + name + " holds a NUL character or a lone surrogate");
                return null;
            }
            return node;
        } catch (JsonProcessingException | NumberFormatException e) {
            error(UploadCodes.UPLOAD_PROPERTY_JSON, "Property " + name + " is not valid JSON");
            return null;
        }
    }

    void error(String code, String message) {
        problems.add(Problem.error(pointer, code, message));
    }

    /**
     * Adds problems found inside property {@code name} at the element itself, the property named in the message.
     * The expression language names what it did not understand ({@code There is no field 'price'}); here that is
     * the uploaded text, so it is left out (the position stays).
     */
    void relocate(String name, List<Problem> inner) {
        relocate(pointer, name, inner, problems);
    }

    /** {@link #relocate(String, List)} for an element whose properties are not read. */
    static void relocate(String pointer, String name, List<Problem> inner, List<Problem> problems) {
        for (Problem problem : inner) {
            String message = problem.code().startsWith("EXPR_")
                    ? QUOTED.matcher(problem.message()).replaceAll("'…'") : problem.message();
            problems.add(new Problem(pointer, problem.code(), problem.severity(), name + ": " + message));
        }
    }

    /** Reports every {@code brickwork.*} property no handler took. */
    void finish() {
        values.keySet().forEach(name -> error(UploadCodes.UPLOAD_PROPERTY_UNKNOWN,
                "Property " + safe(name) + " is not one this element can have"));
        values.clear();
    }

    // A property name is the modeller's text; ours are short identifiers, anything else is not repeated.
    private static String safe(String name) {
        return name.matches("brickwork\\.[A-Za-z]{1,30}") ? name : "'brickwork.…'";
    }
}
