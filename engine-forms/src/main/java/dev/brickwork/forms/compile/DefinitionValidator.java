package dev.brickwork.forms.compile;

import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.expr.CompiledExpression;
import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.FormDefinition;
import dev.brickwork.forms.model.RuleDefinition;
import dev.brickwork.forms.read.SourceMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The semantic checks of a read definition: links to other forms, defaults, autonumber patterns, and every
 * expression compiled against the fields' types. Also assembles the {@link CompiledForm} from what it compiled,
 * so each expression is compiled exactly once. Never throws.
 */
final class DefinitionValidator {

    private final FormDefinition definition;
    private final SourceMap sources;
    private final FormCatalog catalog;
    private final List<Problem> problems = new ArrayList<>();

    private final Map<String, CompiledExpression> visibleWhen = new HashMap<>();
    private final Map<String, CompiledExpression> readOnlyWhen = new HashMap<>();
    private final Map<String, Map<String, CompiledExpression>> rowVisibleWhen = new HashMap<>();
    private final Map<String, Map<String, CompiledExpression>> rowReadOnlyWhen = new HashMap<>();
    private final List<CompiledValidationRule> rules = new ArrayList<>();
    private Level top;

    DefinitionValidator(FormDefinition definition, SourceMap sources, FormCatalog catalog) {
        this.definition = definition;
        this.sources = sources;
        this.catalog = catalog == null ? FormCatalog.EMPTY : catalog;
    }

    /** Runs every check; the problems are new ones only, not the reader's. */
    List<Problem> validate() {
        AppForms app = new AppForms(definition, catalog);
        new LinkChecks(definition, app, sources, problems).check();
        new DuplicateAlsoChecks(definition, catalog, sources, problems).check();
        Level top = Level.forForm(definition, sources, problems, app);
        for (FieldDefinition field : definition.fields()) {
            FieldChecks.check(null, field, sources, problems);
            if (field.spec() instanceof FieldSpec.Subtable subtable) {
                Level rows = top.subtableLevel(field.key()).orElseThrow();
                rows.compileFormulas();
                for (FieldDefinition row : subtable.fields()) {
                    FieldChecks.check(field.key(), row, sources, problems);
                    conditions(field.key(), row, rows,
                            rowVisibleWhen.computeIfAbsent(field.key(), k -> new HashMap<>()),
                            rowReadOnlyWhen.computeIfAbsent(field.key(), k -> new HashMap<>()));
                }
            }
        }
        top.compileFormulas();
        definition.fields().forEach(field -> conditions(null, field, top, visibleWhen, readOnlyWhen));
        validationRules(top);
        new ComputedCycles(definition, app, sources, problems).check();
        this.top = top;
        return List.copyOf(problems);
    }

    /** The compiled form; call only after {@link #validate()} found no errors. */
    CompiledForm compiledForm() {
        Map<String, CompiledForm> subtables = new HashMap<>();
        for (FieldDefinition field : definition.fields()) {
            if (field.spec() instanceof FieldSpec.Subtable subtable) {
                Level rows = top.subtableLevel(field.key()).orElseThrow();
                FormDefinition rowForm = new FormDefinition(definition.schemaVersion(), field.key(), field.label(),
                        null, subtable.fields(), List.of());
                subtables.put(field.key(), new DefaultCompiledForm(rowForm, valueTypes(subtable.fields(), rows), Map.of(),
                        rows.formulasInOrder(), rowVisibleWhen.getOrDefault(field.key(), Map.of()),
                        rowReadOnlyWhen.getOrDefault(field.key(), Map.of()), List.of(), Map.of()));
            }
        }
        Map<String, CompiledLookup> lookups = new HashMap<>();
        for (FieldDefinition field : definition.fields()) {
            top.lookup(field.key()).ifPresent(lookup -> lookups.put(field.key(), lookup));
        }
        return new DefaultCompiledForm(definition, valueTypes(definition.fields(), top), subtables,
                top.formulasInOrder(), visibleWhen, readOnlyWhen, rules, lookups);
    }

    private static Map<String, ValueType> valueTypes(List<FieldDefinition> fields, Level level) {
        Map<String, ValueType> types = new HashMap<>();
        for (FieldDefinition field : fields) {
            if (field.type() != FieldType.SUBTABLE) {
                level.typeOf(field.key()).ifPresent(type -> types.put(field.key(), type));
            }
        }
        return types;
    }

    private void conditions(String subtable, FieldDefinition field, Level level,
                            Map<String, CompiledExpression> visible, Map<String, CompiledExpression> readOnly) {
        condition(subtable, field, "visibleWhen", field.visibleWhen(), level).ifPresent(e -> visible.put(field.key(), e));
        condition(subtable, field, "readOnlyWhen", field.readOnlyWhen(), level).ifPresent(e -> readOnly.put(field.key(), e));
    }

    private Optional<CompiledExpression> condition(String subtable, FieldDefinition field, String property,
                                                   String source, Level level) {
        if (source == null) {
            return Optional.empty();
        }
        return level.compiler().compile(source, level, ValueType.BOOLEAN,
                sources.fieldProperty(subtable, field.key(), property));
    }

    private void validationRules(Level top) {
        for (RuleDefinition rule : definition.rules()) {
            if (rule instanceof RuleDefinition.Validation validation && validation.expression() != null) {
                String pointer = JsonPointers.append(sources.rule(rule.key()), "expression");
                top.compiler().compile(validation.expression(), top, ValueType.BOOLEAN, pointer)
                        .ifPresent(e -> rules.add(new CompiledValidationRule(validation, e)));
            }
        }
    }
}
