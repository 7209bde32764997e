package dev.brickwork.forms.compile;

import dev.brickwork.forms.Problem;
import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.FormDefinition;
import dev.brickwork.forms.read.DefinitionCodes;
import dev.brickwork.forms.read.SourceMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what points at other forms: reference targets and roll-ups (source form, via reference, aggregated field,
 * filter).
 */
final class LinkChecks {

    private static final Set<FieldType> NUMERIC = Set.of(FieldType.NUMBER, FieldType.MONEY, FieldType.PERCENT);

    private final FormDefinition form;
    private final FormCatalog catalog;
    private final SourceMap sources;
    private final List<Problem> problems;

    LinkChecks(FormDefinition form, FormCatalog catalog, SourceMap sources, List<Problem> problems) {
        this.form = form;
        this.catalog = catalog;
        this.sources = sources;
        this.problems = problems;
    }

    void check() {
        for (FieldDefinition field : form.fields()) {
            check(null, field);
            if (field.spec() instanceof FieldSpec.Subtable subtable) {
                subtable.fields().forEach(row -> check(field.key(), row));
            }
        }
    }

    private void check(String subtable, FieldDefinition field) {
        if (field.spec() instanceof FieldSpec.Reference reference && reference.target() != null
                && lookup(reference.target()).isEmpty()) {
            error(subtable, field, "target", DefinitionCodes.REFERENCE_UNKNOWN_FORM, "No form of this app has this key");
        }
        if (field.spec() instanceof FieldSpec.Rollup rollup && rollup.source() != null) {
            Optional<FormDefinition> source = lookup(rollup.source());
            if (source.isEmpty()) {
                error(subtable, field, "source", DefinitionCodes.ROLLUP_UNKNOWN_FORM, "No form of this app has this key");
                return;
            }
            checkVia(subtable, field, rollup, source.get());
            checkAggregated(subtable, field, rollup, source.get());
            if (rollup.filter() != null) {
                Level level = Level.forForm(source.get(), null, new ArrayList<>());
                new FilterCheck(source.get(), level::typeOf, problems)
                        .check(rollup.filter(), sources.fieldProperty(subtable, field.key(), "filter"));
            }
        }
    }

    private void checkVia(String subtable, FieldDefinition field, FieldSpec.Rollup rollup, FormDefinition source) {
        if (rollup.via() == null) {
            return;
        }
        boolean pointsHere = source.field(rollup.via())
                .map(FieldDefinition::spec)
                .filter(spec -> spec instanceof FieldSpec.Reference r && form.key() != null && form.key().equals(r.target()))
                .isPresent();
        if (!pointsHere) {
            error(subtable, field, "via", DefinitionCodes.ROLLUP_VIA_INVALID,
                    "'via' must be a reference field of the source form that points at this form");
        }
    }

    private void checkAggregated(String subtable, FieldDefinition field, FieldSpec.Rollup rollup, FormDefinition source) {
        if (rollup.aggregate() == FieldSpec.Aggregate.COUNT || rollup.field() == null) {
            return;
        }
        Optional<FieldDefinition> aggregated = source.field(rollup.field());
        boolean numeric = aggregated.isPresent() && (NUMERIC.contains(aggregated.get().type())
                || aggregated.get().type() == FieldType.FORMULA && formulaIsNumber(source, rollup.field()));
        if (!numeric) {
            error(subtable, field, "field", DefinitionCodes.ROLLUP_FIELD_INVALID,
                    "'field' must be a number, money, percent or numeric formula field of the source form");
        }
        if (aggregated.isPresent() && aggregated.get().sensitive()) {
            error(subtable, field, "field", DefinitionCodes.ROLLUP_FIELD_SENSITIVE,
                    "A roll-up cannot aggregate a sensitive field: its stored result would be in clear");
        }
    }

    private static boolean formulaIsNumber(FormDefinition source, String key) {
        // the other form was compiled when it was published; its problems are not this definition's
        Level level = Level.forForm(source, null, new ArrayList<>());
        return level.typeOf(key).filter(t -> t == ValueType.NUMBER).isPresent();
    }

    private Optional<FormDefinition> lookup(String key) {
        if (key.equals(form.key())) {
            return Optional.of(form);
        }
        Optional<FormDefinition> found = catalog.form(key);
        return found == null ? Optional.empty() : found;
    }

    private void error(String subtable, FieldDefinition field, String property, String code, String message) {
        problems.add(Problem.error(sources.fieldProperty(subtable, field.key(), property), code, message));
    }
}
