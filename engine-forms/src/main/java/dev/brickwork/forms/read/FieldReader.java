package dev.brickwork.forms.read;

import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.SystemColumn;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Reads one field object: key, type, the common properties, then the type's own through {@link SpecReader}. */
final class FieldReader {

    static final Set<String> COMMON = Set.of("key", "type", "label", "description", "required", "default", "unique",
            "index", "sensitive", "visibleWhen", "readOnlyWhen");

    /** @param field null when the type is unusable; {@code key} is still given so duplicates are counted */
    record Result(String key, FieldDefinition field) {
    }

    private FieldReader() {
    }

    static Result read(Props p, String subtable, SourceMap sources) {
        String key = p.key("key", true);
        if (key != null) {
            checkKeyAllowed(p, key);
        }
        Optional<FieldType> type = type(p, subtable);
        if (type.isEmpty()) {
            return new Result(key, null);
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(SpecReader.properties(type.get()));
        p.allowOnly(allowed, "a " + type.get().json() + " field");
        FieldSpec spec = SpecReader.read(type.get(), p, key, sources);
        FieldDefinition field = new FieldDefinition(key, type.get(), p.label("label"), p.label("description"),
                p.bool("required"), p.node("default"), p.bool("unique"), p.bool("index"), p.bool("sensitive"),
                p.string("visibleWhen", false), p.string("readOnlyWhen", false), spec);
        return new Result(key, key == null ? null : field);
    }

    private static void checkKeyAllowed(Props p, String key) {
        if (FieldKeys.RESERVED.contains(key)) {
            p.error("key", DefinitionCodes.FIELD_KEY_RESERVED, "This key is a reserved word of SQL");
        } else if (SystemColumn.taken(key)) {
            p.error("key", DefinitionCodes.FIELD_KEY_SYSTEM, "This key is the name of a system column");
        }
    }

    private static Optional<FieldType> type(Props p, String subtable) {
        String name = p.string("type", true);
        if (name == null) {
            return Optional.empty();
        }
        Optional<FieldType> type = FieldType.fromJson(name);
        if (type.isEmpty()) {
            p.error("type", DefinitionCodes.FIELD_TYPE_UNKNOWN, "Unknown field type");
        } else if (type.get() == FieldType.SUBTABLE && subtable != null) {
            p.error("type", DefinitionCodes.SUBTABLE_NESTED, "A subtable cannot contain a subtable");
            return Optional.empty();
        }
        return type;
    }
}
