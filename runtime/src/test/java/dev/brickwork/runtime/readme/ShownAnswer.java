package dev.brickwork.runtime.readme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer README shows after a call, in a comment starting {@code # →}: an optional status ({@code 412}), an
 * optional {@code ETag "2"}, and JSON-ish text whose {@code "key": scalar} pairs must each be somewhere in the
 * answer's JSON. A value written with an ellipsis ({@code "01a2…"}, {@code "CREATE ... INDEX"}) stands for any
 * value and is not checked; objects and arrays are read pair by pair, so {@code …} may stand for the rest.
 */
record ShownAnswer(Optional<Integer> status, Optional<String> etag, Map<String, List<JsonNode>> pairs) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATUS = Pattern.compile("^(\\d{3})\\b");
    private static final Pattern ETAG = Pattern.compile("ETag (\"[^\"]*\")");
    private static final Pattern PAIR = Pattern.compile(
            "\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?|true|false|null|\\[\\]|\\{\\})");

    /** What the comment text after the arrow shows (its continuation lines joined). */
    static ShownAnswer of(String shown) {
        String text = shown.strip();
        Matcher status = STATUS.matcher(text);
        Matcher etag = ETAG.matcher(text);
        Map<String, List<JsonNode>> pairs = new java.util.LinkedHashMap<>();
        Matcher pair = PAIR.matcher(text);
        while (pair.find()) {
            if (pair.group(2).contains("…") || pair.group(2).contains("...")) {
                continue;
            }
            pairs.computeIfAbsent(read("\"" + pair.group(1) + "\"").asText(), k -> new ArrayList<>())
                    .add(read(pair.group(2)));
        }
        return new ShownAnswer(status.find() ? Optional.of(Integer.parseInt(status.group(1))) : Optional.empty(),
                etag.find() ? Optional.of(etag.group(1)) : Optional.empty(), pairs);
    }

    /** What is not as shown; empty when the answer matches. */
    List<String> mismatches(Call call) {
        List<String> found = new ArrayList<>();
        int expectedStatus = status.orElse(0);
        if (status.isPresent() ? call.status() != expectedStatus : call.status() >= 300) {
            found.add("status " + call.status() + ", README shows " + status.map(String::valueOf).orElse("a 2xx"));
        }
        etag.filter(tag -> !tag.equals(call.header("etag").orElse(null)))
                .ifPresent(tag -> found.add("ETag " + call.header("etag").orElse("absent") + ", README shows " + tag));
        if (pairs.isEmpty()) {
            return found;
        }
        JsonNode body;
        try {
            body = JSON.readTree(call.body());
        } catch (JsonProcessingException e) {
            found.add("the answer is not JSON");
            return found;
        }
        pairs.forEach((key, values) -> values.stream().filter(value -> !holds(body, key, value))
                .forEach(value -> found.add("no \"" + key + "\": " + value + " in the answer")));
        return found;
    }

    /** Whether some object in the tree has this key with this value (numbers compared as decimals). */
    private static boolean holds(JsonNode node, String key, JsonNode value) {
        if (node.isObject() && node.has(key) && same(node.get(key), value)) {
            return true;
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            if (holds(children.next(), key, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(JsonNode actual, JsonNode shown) {
        if (actual.isNumber() && shown.isNumber()) {
            return new BigDecimal(actual.asText()).compareTo(new BigDecimal(shown.asText())) == 0;
        }
        return actual.equals(shown);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("README shows a value that is not JSON: " + json, e);
        }
    }
}
