package dev.brickwork.designer.migration;

import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.SelectOption;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The type changes publishing knows how to apply to stored data, and the checks that find the values that
 * would not survive them. Anything else can only change while the column holds no data.
 */
final class TypeConversions {

    private static final String EMAIL = "^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$";
    private static final String URL = "^https?://[^[:space:]/?#]+";
    private static final String PHONE = "^[-+0-9 ()]+$";

    private TypeConversions() {
    }

    /** The conversion from {@code from} to the column of {@code target}, or empty when none is safe. */
    static Optional<Conversion> between(ColumnType from, ColumnType to, FieldDefinition target) {
        Optional<Conversion> base = structural(from, to);
        return base.map(c -> c.also(semanticCheck(target, to)));
    }

    private static Optional<Conversion> structural(ColumnType from, ColumnType to) {
        if (from == to) {
            return Optional.of(Conversion.always("%1$s"));
        }
        return Optional.ofNullable(switch (to) {
            case TEXT -> switch (from) {
                case TIMESTAMPTZ -> Conversion.always("to_char(%1$s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')");
                case TEXT_ARRAY -> Conversion.always("array_to_string(%1$s, ',')");
                case JSONB, BYTEA -> null;
                default -> Conversion.always("%1$s::text");
            };
            case NUMERIC -> switch (from) {
                case BIGINT -> Conversion.always("%1$s::numeric");
                case TEXT -> blocking("brickwork.try_numeric(%1$s)", "brickwork.try_numeric(%1$s) IS NULL");
                default -> null;
            };
            case BIGINT -> switch (from) {
                case NUMERIC -> blocking("%1$s::bigint", "%1$s <> trunc(%1$s) OR abs(%1$s) > 9223372036854775807");
                case TEXT -> blocking("brickwork.try_numeric(%1$s)::bigint",
                        "brickwork.try_numeric(%1$s) IS NULL OR brickwork.try_numeric(%1$s) <> trunc(brickwork.try_numeric(%1$s))"
                                + " OR abs(brickwork.try_numeric(%1$s)) > 9223372036854775807");
                default -> null;
            };
            case BOOLEAN -> from == ColumnType.TEXT
                    ? blocking("brickwork.try_boolean(%1$s)", "brickwork.try_boolean(%1$s) IS NULL") : null;
            case DATE -> switch (from) {
                case TEXT -> blocking("brickwork.try_date(%1$s)", "brickwork.try_date(%1$s) IS NULL");
                case TIMESTAMPTZ -> blocking("(%1$s AT TIME ZONE 'UTC')::date", "(%1$s AT TIME ZONE 'UTC')::time <> time '00:00'");
                default -> null;
            };
            case TIMESTAMPTZ -> switch (from) {
                case TEXT -> blocking("brickwork.try_timestamptz(%1$s)", "brickwork.try_timestamptz(%1$s) IS NULL");
                case DATE -> Conversion.always("%1$s::timestamp AT TIME ZONE 'UTC'");
                default -> null;
            };
            case TEXT_ARRAY -> from == ColumnType.TEXT ? Conversion.always("ARRAY[%1$s]") : null;
            case UUID, JSONB, BYTEA -> null;
        });
    }

    private static Conversion blocking(String using, String blocks) {
        return new Conversion(using, blocks, List.of());
    }

    /** What the new field type demands of a value beyond its column type: options, e-mail, URL, phone shapes. */
    static Conversion.Check semanticCheck(FieldDefinition target, ColumnType to) {
        return switch (target.type()) {
            case SELECT -> optionCheck(target, "%1$s NOT IN (%2$s)");
            case MULTISELECT -> optionCheck(target, "NOT (%1$s <@ ARRAY[%2$s]::text[])");
            case EMAIL -> new Conversion.Check("%1$s !~ ?", List.of(EMAIL));
            case URL -> new Conversion.Check("%1$s !~* ?", List.of(URL));
            case PHONE -> new Conversion.Check("%1$s !~ ?", List.of(PHONE));
            default -> null;
        };
    }

    private static Conversion.Check optionCheck(FieldDefinition target, String template) {
        List<Object> values = target.spec() instanceof FieldSpec.Choice choice
                ? choice.options().stream().map(SelectOption::value).map(Object.class::cast).toList()
                : List.of();
        if (values.isEmpty()) {
            return null;
        }
        String placeholders = String.join(", ", Collections.nCopies(values.size(), "?"));
        return new Conversion.Check(template.replace("%2$s", placeholders), values);
    }
}
