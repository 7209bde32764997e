package dev.brickwork.forms.compile;

import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.read.DefinitionCodes;
import dev.brickwork.forms.read.SourceMap;
import dev.brickwork.forms.record.FieldValues;

import java.util.List;
import java.util.Set;

/**
 * Checks of one field that need no other field: its default against its type, an autonumber's pattern, unique in a
 * subtable, {@code sensitive} on a type that can be encrypted.
 */
final class FieldChecks {

    /** Computed or structured fields have no default a client could mean. */
    private static final Set<FieldType> NO_DEFAULT = Set.of(FieldType.FORMULA, FieldType.ROLLUP, FieldType.AUTONUMBER,
            FieldType.SUBTABLE, FieldType.ATTACHMENT, FieldType.LOOKUP);

    private FieldChecks() {
    }

    static void check(String subtable, FieldDefinition field, SourceMap sources, List<Problem> problems) {
        if (field.defaultValue() != null && !field.defaultValue().isNull()) {
            String pointer = sources.fieldProperty(subtable, field.key(), "default");
            if (NO_DEFAULT.contains(field.type())) {
                problems.add(Problem.error(pointer, DefinitionCodes.DEFAULT_INVALID, "This field type has no default"));
            } else if (FieldValues.read(field, field.defaultValue()) instanceof FieldValues.Outcome.Invalid invalid) {
                problems.add(Problem.error(pointer, DefinitionCodes.DEFAULT_INVALID,
                        "The default is not a valid value of the field: " + invalid.message()));
            }
        }
        if (field.sensitive() && !field.type().encryptable()) {
            problems.add(Problem.error(sources.fieldProperty(subtable, field.key(), "sensitive"),
                    DefinitionCodes.SENSITIVE_TYPE_UNSUPPORTED, "Only text-like, number, money, percent, date, datetime"
                            + " and select fields can be sensitive (stored encrypted)"));
        }
        if (subtable != null && field.unique()) {
            // a subtable's rows are replaced on every save and carry no deleted state: nothing to be unique among
            problems.add(Problem.error(sources.fieldProperty(subtable, field.key(), "unique"), DefinitionCodes.UNIQUE_IN_SUBTABLE,
                    "A subtable's fields cannot be unique; only a form's own fields can"));
        }
        if (field.spec() instanceof FieldSpec.Autonumber autonumber && autonumber.pattern() != null) {
            AutonumberPatterns.problem(autonumber.pattern()).ifPresent(message -> problems.add(Problem.error(
                    sources.fieldProperty(subtable, field.key(), "pattern"),
                    DefinitionCodes.AUTONUMBER_PATTERN_INVALID, message)));
        }
    }
}
