package dev.brickwork.runtime.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.flow.FlowDraft;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * A package as {@link PackageReader} read it: each part by key in the document's order, with where it is in the
 * document ({@code /forms/3}) so later checks can locate their problems.
 *
 * @param flowJson each flow as the package writes it
 * @param roles    normalised as the role API stores them
 * @param seed  the {@code seed} object, or null
 */
record PackageDocument(String appKey, JsonNode appLabel, String appVersion,
                       LinkedHashMap<String, JsonNode> forms, LinkedHashMap<String, String> formPointers,
                       LinkedHashMap<String, FlowDraft> flows, LinkedHashMap<String, JsonNode> flowJson,
                       LinkedHashMap<String, String> flowPointers,
                       LinkedHashMap<String, ObjectNode> roles, LinkedHashMap<String, String> rolePointers,
                       List<String> departments, JsonNode seed) {
}
