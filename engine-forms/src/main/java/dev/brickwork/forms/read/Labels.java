package dev.brickwork.forms.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.Label;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a label: a plain string or an object of language tag to string. */
final class Labels {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$");

    private Labels() {
    }

    static Label read(JsonNode node, String pointer, List<Problem> problems) {
        if (node.isTextual()) {
            return Label.of(node.textValue());
        }
        if (!node.isObject() || node.isEmpty()) {
            problems.add(Problem.error(pointer, DefinitionCodes.LABEL_INVALID,
                    "A label is a string or an object of language tag to string"));
            return null;
        }
        Map<String, String> translations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String tagPointer = JsonPointers.append(pointer, entry.getKey());
            if (!LANGUAGE_TAG.matcher(entry.getKey()).matches()) {
                problems.add(Problem.error(tagPointer, DefinitionCodes.LABEL_INVALID, "Not a language tag"));
            } else if (!entry.getValue().isTextual()) {
                problems.add(Problem.error(tagPointer, DefinitionCodes.LABEL_INVALID, "A translation must be a string"));
            } else {
                translations.put(entry.getKey(), entry.getValue().textValue());
            }
        }
        return translations.isEmpty() ? null : new Label(null, translations);
    }
}
