package dev.brickwork.forms.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.SelectOption;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code options} of a select or multiselect: at least one, values unique. */
final class OptionReader {

    private static final Set<String> PROPERTIES = Set.of("value", "label");

    private OptionReader() {
    }

    static List<SelectOption> read(Props field) {
        JsonNode node = field.node("options");
        List<SelectOption> options = new ArrayList<>();
        if (node == null) {
            field.error("options", DefinitionCodes.PROPERTY_REQUIRED, "At least one option is required");
            return options;
        }
        if (!node.isArray()) {
            field.error("options", DefinitionCodes.PROPERTY_TYPE, "'options' must be an array of options");
            return options;
        }
        if (node.isEmpty()) {
            field.error("options", DefinitionCodes.PROPERTY_REQUIRED, "At least one option is required");
        }
        Set<String> values = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String pointer = JsonPointers.append(field.pointer("options"), i);
            JsonNode element = node.get(i);
            if (!element.isObject()) {
                field.problems().add(Problem.error(pointer, DefinitionCodes.PROPERTY_TYPE, "An option must be an object"));
                continue;
            }
            Props p = new Props(element, pointer, field.problems());
            p.allowOnly(PROPERTIES, "an option");
            String value = p.string("value", true);
            if (value != null && value.isBlank()) {
                p.error("value", DefinitionCodes.PROPERTY_TYPE, "An option value must not be blank");
                value = null;
            }
            var label = p.label("label");
            if (value == null) {
                continue;
            }
            if (!values.add(value)) {
                p.error("value", DefinitionCodes.OPTION_DUPLICATE, "Another option has the same value");
                continue;
            }
            options.add(new SelectOption(value, label));
        }
        return options;
    }
}
