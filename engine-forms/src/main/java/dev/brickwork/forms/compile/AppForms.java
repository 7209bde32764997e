package dev.brickwork.forms.compile;

import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.FormDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The app's forms as one definition being compiled sees them: the draft in place of its published version, the
 * others from the catalog. Resolves lookups across them (a lookup of a lookup follows the chain; a chain that comes
 * back on itself resolves to nothing, and {@link ComputedCycles} reports it) and types other forms' formulas.
 */
final class AppForms {

    private final FormDefinition draft;
    private final FormCatalog catalog;
    private final Map<String, Optional<CompiledLookup>> lookups = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Map<String, Level> levels = new HashMap<>();

    AppForms(FormDefinition draft, FormCatalog catalog) {
        this.draft = draft;
        this.catalog = catalog == null ? FormCatalog.EMPTY : catalog;
    }

    Optional<FormDefinition> form(String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.equals(draft.key())) {
            return Optional.of(draft);
        }
        Optional<FormDefinition> found = catalog.form(key);
        return found == null ? Optional.empty() : found;
    }

    /** A form's top level, typing its formulas and lookups; its problems are thrown away (they are not the draft's). */
    Level level(FormDefinition form) {
        String key = form.key() == null ? "" : form.key();
        Level level = levels.get(key);
        if (level == null) {
            level = Level.forForm(form, null, new ArrayList<>(), this);
            levels.put(key, level);
        }
        return level;
    }

    /** The lookup field {@code fieldKey} of {@code formKey}, resolved; empty when it does not resolve. */
    Optional<CompiledLookup> lookup(String formKey, String fieldKey) {
        String id = formKey + "\u0000" + fieldKey;
        Optional<CompiledLookup> known = lookups.get(id);
        if (known != null) {
            return known;
        }
        if (!resolving.add(id)) {
            return Optional.empty();
        }
        Optional<CompiledLookup> resolved;
        try {
            resolved = resolve(formKey, fieldKey);
        } finally {
            resolving.remove(id);
        }
        lookups.put(id, resolved);
        return resolved;
    }

    /** The form a top-level reference field of {@code form} points at. */
    Optional<FormDefinition> referenced(FormDefinition form, String referenceKey) {
        return form.field(referenceKey == null ? "" : referenceKey)
                .filter(f -> f.spec() instanceof FieldSpec.Reference)
                .flatMap(f -> form(((FieldSpec.Reference) f.spec()).target()));
    }

    private Optional<CompiledLookup> resolve(String formKey, String fieldKey) {
        Optional<FormDefinition> form = form(formKey);
        Optional<FieldDefinition> field = form.flatMap(f -> f.field(fieldKey));
        if (field.isEmpty() || !(field.get().spec() instanceof FieldSpec.Lookup spec) || spec.field() == null) {
            return Optional.empty();
        }
        Optional<FormDefinition> target = referenced(form.get(), spec.via());
        Optional<FieldDefinition> looked = target.flatMap(t -> t.field(spec.field())).filter(AppForms::canBeLookedUp);
        if (looked.isEmpty()) {
            return Optional.empty();
        }
        FormDefinition targetForm = target.get();
        Optional<FieldDefinition> shape = shape(targetForm, looked.get());
        return shape.map(value -> new CompiledLookup(fieldKey, spec.via(), targetForm.key(), spec.field(),
                rekeyed(value, fieldKey), FieldTypes.of(value.type()).orElse(ValueType.TEXT)));
    }

    /** Not subtables and attachments (no single value), nor sensitive fields (the copy would be in clear). */
    static boolean canBeLookedUp(FieldDefinition field) {
        return field.type() != FieldType.SUBTABLE && field.type() != FieldType.ATTACHMENT && !field.sensitive();
    }

    /** The stored shape of a looked-up field's value. */
    private Optional<FieldDefinition> shape(FormDefinition form, FieldDefinition field) {
        return switch (field.type()) {
            case LOOKUP -> lookup(form.key(), field.key()).map(CompiledLookup::valueField);
            case FORMULA -> level(form).typeOf(field.key()).filter(t -> t != ValueType.NULL).map(t -> plain(field, t));
            case ROLLUP -> Optional.of(plain(field, ValueType.NUMBER));
            case AUTONUMBER -> Optional.of(plain(field, ValueType.TEXT));
            default -> Optional.of(field);
        };
    }

    /** The plain stored type that holds a computed value of the type. */
    private static FieldDefinition plain(FieldDefinition field, ValueType type) {
        FieldType stored = switch (type) {
            case NUMBER -> FieldType.NUMBER;
            case BOOLEAN -> FieldType.BOOLEAN;
            case DATE -> FieldType.DATE;
            case DATETIME -> FieldType.DATETIME;
            case LIST -> FieldType.MULTISELECT;
            case TEXT, NULL -> FieldType.TEXTAREA;
        };
        FieldSpec spec = switch (stored) {
            case NUMBER -> new FieldSpec.Number(false, null, null, null);
            case MULTISELECT -> new FieldSpec.Choice(List.of());
            default -> new FieldSpec.None();
        };
        return new FieldDefinition(field.key(), stored, field.label(), null, false, null, false, false, false, null, null,
                spec);
    }

    private static FieldDefinition rekeyed(FieldDefinition value, String key) {
        return new FieldDefinition(key, value.type(), value.label(), null, false, null, false, false, false, null, null,
                value.spec());
    }
}
