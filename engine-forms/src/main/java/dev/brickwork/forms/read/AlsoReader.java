package dev.brickwork.forms.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.RuleDefinition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a duplicate rule's {@code also}: the other forms it compares against, each mapping every field of the rule
 * to a field of that form. Whether those forms and fields exist is a compile check (they are other definitions).
 */
final class AlsoReader {

    private static final Set<String> ALSO = Set.of("form", "fields");

    private AlsoReader() {
    }

    /** @param ruleFields the rule's {@code fields}, in order: the mapping is kept in that order */
    static List<RuleDefinition.Also> read(Props rule, List<String> ruleFields) {
        List<RuleDefinition.Also> also = new ArrayList<>();
        JsonNode node = rule.array("also", false);
        if (node == null) {
            return also;
        }
        Set<String> forms = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String pointer = JsonPointers.append(rule.pointer("also"), i);
            if (!node.get(i).isObject()) {
                rule.problems().add(Problem.error(pointer, DefinitionCodes.PROPERTY_TYPE,
                        "An entry of 'also' is an object with 'form' and 'fields'"));
                continue;
            }
            Props p = new Props(node.get(i), pointer, rule.problems());
            p.allowOnly(ALSO, "an entry of 'also'");
            String form = p.key("form", true);
            Map<String, String> fields = fields(p, ruleFields);
            if (form != null && !forms.add(form)) {
                p.error("form", DefinitionCodes.PROPERTY_VALUE_INVALID, "Another entry of 'also' names the same form");
            } else if (form != null) {
                also.add(new RuleDefinition.Also(form, fields));
            }
        }
        return also;
    }

    private static Map<String, String> fields(Props p, List<String> ruleFields) {
        Map<String, String> written = new LinkedHashMap<>();
        JsonNode node = p.object("fields", true);
        if (node == null) {
            return written;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String pointer = JsonPointers.append(p.pointer("fields"), entry.getKey());
            if (!entry.getValue().isTextual()) {
                p.problems().add(Problem.error(pointer, DefinitionCodes.PROPERTY_TYPE,
                        "The other form's field is given by its key, a string"));
            } else if (!ruleFields.contains(entry.getKey())) {
                p.problems().add(Problem.error(pointer, DefinitionCodes.RULE_FIELD_INVALID,
                        "Only a field listed in the rule's 'fields' can be mapped"));
            } else {
                written.put(entry.getKey(), entry.getValue().textValue());
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String key : ruleFields) {
            if (written.containsKey(key)) {
                ordered.put(key, written.get(key));
            } else {
                p.error("fields", DefinitionCodes.DUPLICATE_ALSO_UNMAPPED,
                        "Every field of the rule needs a field of the other form to compare with");
                break;
            }
        }
        return ordered;
    }
}
