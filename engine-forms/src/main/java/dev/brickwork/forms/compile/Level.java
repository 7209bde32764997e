package dev.brickwork.forms.compile;

import dev.brickwork.forms.Problem;
import dev.brickwork.forms.expr.CompiledExpression;
import dev.brickwork.forms.expr.TypeScope;
import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.FormDefinition;
import dev.brickwork.forms.read.SourceMap;
import dev.brickwork.forms.read.DefinitionCodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The type scope of one level (the form, or a subtable's rows) that types its formulas on demand: asking for a
 * formula's type compiles it first, so formulas are typed in dependency order whatever order they are written in.
 * A formula asked for while it is being compiled closes a cycle; it then reads as NULL (which fits every type)
 * so the cycle is reported once as FORMULA_CYCLE instead of as a cascade of type errors.
 */
final class Level implements TypeScope {

    private final Map<String, FieldDefinition> fields = new LinkedHashMap<>();
    private final Map<String, Level> subtables;
    private final String formKey;
    private final AppForms app;
    private final ExpressionCompiler compiler;
    private final Function<String, String> expressionPointer;
    private final List<Problem> problems;

    private final Map<String, ValueType> formulaTypes = new HashMap<>();
    private final Map<String, CompiledExpression> formulas = new HashMap<>();
    private final LinkedHashSet<String> compiling = new LinkedHashSet<>();
    private final Set<String> cyclic = new LinkedHashSet<>();
    private boolean sensitiveReadsChecked;

    /**
     * @param subtables         the row levels of this level's subtables (empty for a row level)
     * @param expressionPointer a formula key to the pointer of its {@code expression} property
     */
    Level(List<FieldDefinition> fields, Map<String, Level> subtables, Function<String, String> expressionPointer,
          List<Problem> problems, String formKey, AppForms app) {
        fields.forEach(f -> this.fields.put(f.key(), f));
        this.subtables = Map.copyOf(subtables);
        this.formKey = formKey;
        this.app = app;
        this.expressionPointer = expressionPointer;
        this.problems = problems;
        this.compiler = new ExpressionCompiler(problems);
    }

    /**
     * The top level of a form with a row level per subtable; {@code sources} null when problems are thrown away.
     * {@code app} resolves the form's lookups (their type is the looked-up field's).
     */
    static Level forForm(FormDefinition definition, SourceMap sources, List<Problem> problems, AppForms app) {
        Map<String, Level> subtables = new HashMap<>();
        for (FieldDefinition field : definition.fields()) {
            if (field.spec() instanceof FieldSpec.Subtable subtable) {
                String parent = field.key();
                // lookups live at a form's top level only: a subtable's rows have none
                subtables.put(parent, new Level(subtable.fields(), Map.of(),
                        key -> sources == null ? "" : sources.fieldProperty(parent, key, "expression"), problems,
                        null, null));
            }
        }
        return new Level(definition.fields(), subtables,
                key -> sources == null ? "" : sources.fieldProperty(null, key, "expression"), problems,
                definition.key(), app);
    }

    @Override
    public Optional<ValueType> typeOf(String fieldKey) {
        FieldDefinition field = fields.get(fieldKey);
        if (field == null) {
            return Optional.empty();
        }
        if (field.type() == FieldType.LOOKUP) {
            // an unresolved lookup has its own problem; like a formula that does not compile, it reads as NULL
            return Optional.of(lookup(fieldKey).map(CompiledLookup::valueType).orElse(ValueType.NULL));
        }
        return field.type() == FieldType.FORMULA ? Optional.of(formulaType(field)) : FieldTypes.of(field.type());
    }

    /** A lookup field of this level, resolved; empty for a row level, other fields, or one that does not resolve. */
    Optional<CompiledLookup> lookup(String fieldKey) {
        return app == null || formKey == null ? Optional.empty() : app.lookup(formKey, fieldKey);
    }

    /** The fields a formula of this level reads ({@code key} or {@code subtable.key}); empty when it does not compile. */
    Set<String> references(String formulaKey) {
        FieldDefinition field = fields.get(formulaKey);
        if (field == null || field.type() != FieldType.FORMULA) {
            return Set.of();
        }
        formulaType(field);
        CompiledExpression expression = formulas.get(formulaKey);
        return expression == null ? Set.of() : expression.references();
    }

    @Override
    public Optional<TypeScope> subtable(String subtableKey) {
        return Optional.ofNullable(subtables.get(subtableKey));
    }

    Optional<Level> subtableLevel(String subtableKey) {
        return Optional.ofNullable(subtables.get(subtableKey));
    }

    ExpressionCompiler compiler() {
        return compiler;
    }

    /** Compiles every formula of this level (and reports cycles); idempotent. */
    void compileFormulas() {
        for (FieldDefinition field : fields.values()) {
            if (field.type() == FieldType.FORMULA) {
                formulaType(field);
            }
        }
        for (String key : cyclic) {
            problems.add(Problem.error(expressionPointer.apply(key), DefinitionCodes.FORMULA_CYCLE,
                    "The formula depends on itself, directly or through other formulas"));
        }
        cyclic.clear();
        if (!sensitiveReadsChecked) {
            sensitiveReadsChecked = true;
            formulas.forEach((key, expression) -> {
                if (expression.references().stream().anyMatch(this::isSensitive)) {
                    problems.add(Problem.error(expressionPointer.apply(key), DefinitionCodes.FORMULA_READS_SENSITIVE,
                            "A formula cannot read a sensitive field: its result is stored, and would be stored in clear"));
                }
            });
        }
    }

    /** A referenced key ({@code key} or {@code subtable.key}) names a sensitive field of this level or a subtable. */
    private boolean isSensitive(String reference) {
        int dot = reference.indexOf('.');
        if (dot < 0) {
            FieldDefinition field = fields.get(reference);
            return field != null && field.sensitive();
        }
        Level rows = subtables.get(reference.substring(0, dot));
        return rows != null && rows.isSensitive(reference.substring(dot + 1));
    }

    /** The compiled formulas in evaluation order; only meaningful when there were no problems. */
    List<CompiledFormula> formulasInOrder() {
        List<CompiledFormula> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (FieldDefinition field : fields.values()) {
            visit(field.key(), done, new HashSet<>(), ordered);
        }
        return ordered;
    }

    private void visit(String key, Set<String> done, Set<String> path, List<CompiledFormula> ordered) {
        CompiledExpression expression = formulas.get(key);
        if (expression == null || done.contains(key) || !path.add(key)) {
            return;
        }
        for (String reference : expression.references()) {
            visit(reference, done, path, ordered);
        }
        done.add(key);
        ordered.add(new CompiledFormula(key, expression));
    }

    private ValueType formulaType(FieldDefinition field) {
        String key = field.key();
        if (formulaTypes.containsKey(key)) {
            return formulaTypes.get(key);
        }
        if (compiling.contains(key)) {
            markCycle(key);
            return ValueType.NULL;
        }
        ValueType type = ValueType.NULL;
        if (field.spec() instanceof FieldSpec.Formula formula && formula.expression() != null) {
            compiling.add(key);
            try {
                Optional<CompiledExpression> compiled =
                        compiler.compile(formula.expression(), this, null, expressionPointer.apply(key));
                if (compiled.isPresent()) {
                    formulas.put(key, compiled.get());
                    type = compiled.get().resultType();
                }
            } finally {
                compiling.remove(key);
            }
        }
        // a formula that does not compile reads as NULL, so formulas using it are not blamed for its problem
        formulaTypes.put(key, type);
        return type;
    }

    private void markCycle(String key) {
        boolean inCycle = false;
        for (String k : compiling) {
            inCycle = inCycle || k.equals(key);
            if (inCycle) {
                cyclic.add(k);
            }
        }
    }
}
