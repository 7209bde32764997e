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
 * Checks what points at other forms: reference targets, lookups (via reference, looked-up field) and roll-ups (source
 * form, via reference, aggregated field, filter).
 */
final class LinkChecks {

    // a roll-up of roll-ups is kept true too: a parent whose roll-up changed moves the roll-ups over it
    private static final Set<FieldType> NUMERIC = Set.of(FieldType.NUMBER, FieldType.MONEY, FieldType.PERCENT, FieldType.ROLLUP);

    private final FormDefinition form;
    private final AppForms app;
    private final SourceMap sources;
    private final List<Problem> problems;

    LinkChecks(FormDefinition form, AppForms app, SourceMap sources, List<Problem> problems) {
        this.form = form;
        this.app = app;
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
        if (field.spec() instanceof FieldSpec.Lookup lookup) {
            checkLookup(subtable, field, lookup);
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
                Level level = app.level(source.get());
                new FilterCheck(source.get(), level::typeOf, key -> level.lookup(key).map(CompiledLookup::valueField),
                        problems)
                        .check(rollup.filter(), sources.fieldProperty(subtable, field.key(), "filter"));
            }
        }
    }

    private void checkVia(String subtable, FieldDefinition field, FieldSpec.Rollup rollup, FormDefinition source) {
        if (rollup.via() == null) {
            return;
        }
        // a lookup of a reference is a reference too (a payment's customer, looked up from its contract)
        Optional<FieldDefinition> via = source.field(rollup.via()).flatMap(f -> f.type() == FieldType.LOOKUP
                ? app.level(source).lookup(f.key()).map(CompiledLookup::valueField) : Optional.of(f));
        boolean pointsHere = via.map(FieldDefinition::spec)
                .filter(spec -> spec instanceof FieldSpec.Reference r && form.key() != null && form.key().equals(r.target()))
                .isPresent();
        if (!pointsHere) {
            error(subtable, field, "via", DefinitionCodes.ROLLUP_VIA_INVALID,
                    "'via' must be a reference field (or a lookup of one) of the source form that points at this form");
        }
    }

    private void checkAggregated(String subtable, FieldDefinition field, FieldSpec.Rollup rollup, FormDefinition source) {
        if (rollup.aggregate() == FieldSpec.Aggregate.COUNT || rollup.field() == null) {
            return;
        }
        Optional<FieldDefinition> aggregated = source.field(rollup.field());
        boolean computed = aggregated.isPresent()
                && (aggregated.get().type() == FieldType.FORMULA || aggregated.get().type() == FieldType.LOOKUP);
        boolean numeric = aggregated.isPresent() && (NUMERIC.contains(aggregated.get().type())
                || computed && app.level(source).typeOf(rollup.field()).filter(t -> t == ValueType.NUMBER).isPresent());
        if (!numeric) {
            error(subtable, field, "field", DefinitionCodes.ROLLUP_FIELD_INVALID,
                    "'field' must be a number, money, percent, roll-up, or numeric formula or lookup field of the source form");
        }
        if (aggregated.isPresent() && aggregated.get().sensitive()) {
            error(subtable, field, "field", DefinitionCodes.ROLLUP_FIELD_SENSITIVE,
                    "A roll-up cannot aggregate a sensitive field: its stored result would be in clear");
        }
    }

    /** {@code via}: a top-level reference field; {@code field}: a field of its form that can be looked up. */
    private void checkLookup(String subtable, FieldDefinition field, FieldSpec.Lookup lookup) {
        if (subtable != null) {
            error(subtable, field, "type", DefinitionCodes.LOOKUP_IN_SUBTABLE,
                    "A lookup belongs to the form's own fields: a subtable's rows are replaced on every save");
            return;
        }
        if (lookup.via() == null) {
            return;
        }
        boolean reference = form.field(lookup.via()).filter(f -> f.spec() instanceof FieldSpec.Reference).isPresent();
        if (!reference) {
            error(null, field, "via", DefinitionCodes.LOOKUP_VIA_INVALID, "'via' must be a reference field of this form");
            return;
        }
        Optional<FormDefinition> target = app.referenced(form, lookup.via());
        if (target.isEmpty() || lookup.field() == null) {
            // an unknown target form is the reference field's problem
            return;
        }
        Optional<FieldDefinition> looked = target.get().field(lookup.field());
        if (looked.isPresent() && looked.get().sensitive()) {
            error(null, field, "field", DefinitionCodes.LOOKUP_FIELD_SENSITIVE,
                    "A lookup cannot copy a sensitive field: its copy would be stored in clear");
        } else if (looked.isEmpty() || !AppForms.canBeLookedUp(looked.get())) {
            error(null, field, "field", DefinitionCodes.LOOKUP_FIELD_INVALID,
                    "'field' must be a field of the referenced form other than a subtable or an attachment");
        }
    }

    private Optional<FormDefinition> lookup(String key) {
        return app.form(key);
    }

    private void error(String subtable, FieldDefinition field, String property, String code, String message) {
        problems.add(Problem.error(sources.fieldProperty(subtable, field.key(), property), code, message));
    }
}
