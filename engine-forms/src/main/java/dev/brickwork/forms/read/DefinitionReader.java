package dev.brickwork.forms.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.FormDefinition;
import dev.brickwork.forms.model.RuleDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a form definition (docs/spec.md §2) from JSON by walking the tree, so that every problem is reported with its
 * pointer rather than stopping at the first, as data binding would. A pure function: never throws.
 * The checks that need other forms or the expression language are the compiler's.
 */
public final class DefinitionReader {

    /** The only definition format there is. */
    public static final int SCHEMA_VERSION = 1;

    private static final Set<String> ROOT = Set.of("schemaVersion", "key", "label", "titleField", "fields", "rules", "layout");
    /** Fields that cannot name a record: they hold many values or none. */
    private static final Set<FieldType> NOT_TITLE = Set.of(FieldType.SUBTABLE, FieldType.MULTISELECT, FieldType.ATTACHMENT);

    private DefinitionReader() {
    }

    public static DefinitionReading read(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        SourceMap sources = new SourceMap();
        if (root == null || !root.isObject()) {
            problems.add(Problem.error("", DefinitionCodes.DEFINITION_NOT_OBJECT, "A form definition is a JSON object"));
            return new DefinitionReading(Optional.empty(), problems, sources);
        }
        Props p = new Props(root, "", problems);
        p.allowOnly(ROOT, "a form");
        schemaVersion(p);
        String key = p.key("key", true);
        var label = p.label("label");
        FieldListReader.Result fields = FieldListReader.read(p, null, sources);
        String titleField = titleField(p, fields);
        List<RuleDefinition> rules = new RuleReader(fields.fields(), fields.seenKeys(), sources).read(p);
        LayoutReader.check(p, fields.fields(), fields.seenKeys());
        FormDefinition definition = new FormDefinition(SCHEMA_VERSION, key, label, titleField, fields.fields(), rules);
        return new DefinitionReading(Optional.of(definition), problems, sources);
    }

    private static void schemaVersion(Props p) {
        JsonNode node = p.node("schemaVersion");
        if (node == null) {
            p.error("schemaVersion", DefinitionCodes.PROPERTY_REQUIRED, "'schemaVersion' is required");
        } else if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() != SCHEMA_VERSION) {
            p.error("schemaVersion", DefinitionCodes.FORM_SCHEMA_VERSION_UNSUPPORTED,
                    "Only schemaVersion " + SCHEMA_VERSION + " is supported");
        }
    }

    private static String titleField(Props p, FieldListReader.Result fields) {
        String key = p.string("titleField", false);
        if (key == null) {
            return null;
        }
        Optional<FieldDefinition> field = fields.fields().stream().filter(f -> f.key().equals(key)).findFirst();
        if (field.isEmpty()) {
            if (!fields.seenKeys().contains(key)) {
                p.error("titleField", DefinitionCodes.TITLE_FIELD_INVALID, "No top-level field has this key");
            }
            return null;
        }
        if (NOT_TITLE.contains(field.get().type())) {
            p.error("titleField", DefinitionCodes.TITLE_FIELD_INVALID, "The title field must hold a single value");
            return null;
        }
        return key;
    }
}
