package dev.brickwork.forms.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.RuleDefinition;
import dev.brickwork.forms.model.RuleDefinition.DuplicateAction;
import dev.brickwork.forms.model.RuleDefinition.NormalizeMode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code rules} array: validation and duplicate rules, keys unique, fields existing at the top level. */
final class RuleReader {

    private static final Set<String> VALIDATION = Set.of("type", "key", "expression", "field", "message");
    private static final Set<String> DUPLICATE = Set.of("type", "key", "fields", "normalize", "action", "also");

    private final Map<String, FieldDefinition> fields;
    private final Set<String> seenKeys;
    private final SourceMap sources;

    /** @param seenKeys every field key written, including fields left out because of their own problems */
    RuleReader(List<FieldDefinition> fields, Set<String> seenKeys, SourceMap sources) {
        this.fields = new LinkedHashMap<>();
        fields.forEach(f -> this.fields.put(f.key(), f));
        this.seenKeys = seenKeys;
        this.sources = sources;
    }

    List<RuleDefinition> read(Props root) {
        List<RuleDefinition> rules = new ArrayList<>();
        JsonNode node = root.node("rules");
        if (node == null) {
            return rules;
        }
        if (!node.isArray()) {
            root.error("rules", DefinitionCodes.PROPERTY_TYPE, "'rules' must be an array of rules");
            return rules;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String pointer = JsonPointers.append(root.pointer("rules"), i);
            if (!node.get(i).isObject()) {
                root.problems().add(Problem.error(pointer, DefinitionCodes.PROPERTY_TYPE, "A rule must be an object"));
                continue;
            }
            Props p = new Props(node.get(i), pointer, root.problems());
            String key = p.key("key", true);
            RuleDefinition rule = rule(p, key);
            if (key != null && !keys.add(key)) {
                p.error("key", DefinitionCodes.RULE_KEY_DUPLICATE, "Another rule has the same key");
            } else if (rule != null) {
                rules.add(rule);
                sources.putRule(key, pointer);
            }
        }
        return rules;
    }

    private RuleDefinition rule(Props p, String key) {
        String type = p.string("type", true);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "validation" -> validation(p, key);
            case "duplicate" -> duplicate(p, key);
            default -> {
                p.error("type", DefinitionCodes.RULE_TYPE_UNKNOWN, "A rule is of type validation or duplicate");
                yield null;
            }
        };
    }

    private RuleDefinition validation(Props p, String key) {
        p.allowOnly(VALIDATION, "a validation rule");
        String expression = p.string("expression", true);
        String field = p.string("field", false);
        if (field != null && !fields.containsKey(field) && !seenKeys.contains(field)) {
            p.error("field", DefinitionCodes.RULE_FIELD_UNKNOWN, "No top-level field has this key");
        }
        var message = p.label("message");
        return key == null ? null : new RuleDefinition.Validation(key, expression, field, message);
    }

    private RuleDefinition duplicate(Props p, String key) {
        p.allowOnly(DUPLICATE, "a duplicate rule");
        List<String> keys = duplicateFields(p);
        Map<String, NormalizeMode> normalize = normalize(p, keys);
        DuplicateAction action = DuplicateAction.BLOCK;
        String actionName = p.string("action", false);
        if ("warn".equals(actionName)) {
            action = DuplicateAction.WARN;
        } else if (actionName != null && !"block".equals(actionName)) {
            p.error("action", DefinitionCodes.PROPERTY_VALUE_INVALID, "'action' is block or warn");
        }
        List<RuleDefinition.Also> also = AlsoReader.read(p, keys);
        return key == null ? null : new RuleDefinition.Duplicate(key, keys, normalize, action, also);
    }

    private List<String> duplicateFields(Props p) {
        List<String> keys = new ArrayList<>();
        JsonNode node = p.node("fields");
        if (node == null || (node.isArray() && node.isEmpty())) {
            p.error("fields", DefinitionCodes.PROPERTY_REQUIRED, "A duplicate rule compares at least one field");
            return keys;
        }
        if (!node.isArray()) {
            p.error("fields", DefinitionCodes.PROPERTY_TYPE, "'fields' must be an array of field keys");
            return keys;
        }
        for (int i = 0; i < node.size(); i++) {
            String pointer = JsonPointers.append(p.pointer("fields"), i);
            JsonNode element = node.get(i);
            String problem = null;
            String code = DefinitionCodes.RULE_FIELD_INVALID;
            if (!element.isTextual()) {
                code = DefinitionCodes.PROPERTY_TYPE;
                problem = "A field key must be a string";
            } else if (!fields.containsKey(element.textValue())) {
                code = DefinitionCodes.RULE_FIELD_UNKNOWN;
                problem = seenKeys.contains(element.textValue()) ? null : "No top-level field has this key";
            } else if (!fields.get(element.textValue()).type().duplicateComparable()) {
                problem = "Subtables, formulas and attachments cannot be compared";
            } else if (keys.contains(element.textValue())) {
                problem = "The field is listed twice";
            }
            if (problem != null) {
                p.problems().add(Problem.error(pointer, code, problem));
            }
            if (element.isTextual()) {
                keys.add(element.textValue());
            }
        }
        return keys;
    }

    private Map<String, NormalizeMode> normalize(Props p, List<String> keys) {
        Map<String, NormalizeMode> modes = new LinkedHashMap<>();
        JsonNode node = p.node("normalize");
        if (node == null) {
            return modes;
        }
        if (!node.isObject()) {
            p.error("normalize", DefinitionCodes.PROPERTY_TYPE, "'normalize' must be an object of field key to mode");
            return modes;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String pointer = JsonPointers.append(p.pointer("normalize"), entry.getKey());
            NormalizeMode mode = mode(entry.getValue());
            if (mode == null) {
                p.problems().add(Problem.error(pointer, DefinitionCodes.PROPERTY_VALUE_INVALID,
                        "A normaliser is one of text, company, phone, email"));
            } else if (!keys.contains(entry.getKey())) {
                p.problems().add(Problem.error(pointer, DefinitionCodes.RULE_FIELD_INVALID,
                        "Only a field listed in 'fields' can be normalised"));
            } else {
                modes.put(entry.getKey(), mode);
            }
        }
        return modes;
    }

    private static NormalizeMode mode(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        return switch (node.textValue()) {
            case "text" -> NormalizeMode.TEXT;
            case "company" -> NormalizeMode.COMPANY;
            case "phone" -> NormalizeMode.PHONE;
            case "email" -> NormalizeMode.EMAIL;
            default -> null;
        };
    }
}
