package dev.brickwork.forms.read;

import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldSpec.Aggregate;
import dev.brickwork.forms.model.FieldType;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the properties particular to a field type into its {@link FieldSpec}. */
final class SpecReader {

    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    private SpecReader() {
    }

    /** The properties a type allows beyond {@link FieldReader#COMMON}. */
    static Set<String> properties(FieldType type) {
        return switch (type) {
            case TEXT -> Set.of("maxLength", "pattern");
            case NUMBER, PERCENT -> Set.of("integer", "min", "max", "scale");
            case MONEY -> Set.of("currency", "min", "max");
            case SELECT, MULTISELECT -> Set.of("options");
            case REFERENCE -> Set.of("target");
            case SUBTABLE -> Set.of("fields");
            case FORMULA -> Set.of("expression");
            case ROLLUP -> Set.of("source", "via", "aggregate", "field", "filter");
            case AUTONUMBER -> Set.of("pattern");
            case LOOKUP -> Set.of("via", "field");
            default -> Set.of();
        };
    }

    static FieldSpec read(FieldType type, Props p, String fieldKey, SourceMap sources) {
        return switch (type) {
            case TEXT -> new FieldSpec.Text(p.integer("maxLength", 1, Integer.MAX_VALUE), pattern(p));
            case NUMBER, PERCENT -> number(p);
            case MONEY -> money(p);
            case SELECT, MULTISELECT -> new FieldSpec.Choice(OptionReader.read(p));
            case REFERENCE -> new FieldSpec.Reference(p.key("target", true));
            case SUBTABLE -> new FieldSpec.Subtable(FieldListReader.read(p, fieldKey == null ? "" : fieldKey, sources)
                    .fields());
            case FORMULA -> new FieldSpec.Formula(p.string("expression", true));
            case ROLLUP -> rollup(p);
            case AUTONUMBER -> new FieldSpec.Autonumber(p.string("pattern", true));
            case LOOKUP -> new FieldSpec.Lookup(p.key("via", true), p.key("field", true));
            default -> new FieldSpec.None();
        };
    }

    private static String pattern(Props p) {
        String pattern = p.string("pattern", false);
        if (pattern == null) {
            return null;
        }
        try {
            Pattern.compile(pattern);
            return pattern;
        } catch (PatternSyntaxException | StackOverflowError e) {
            p.error("pattern", DefinitionCodes.PATTERN_INVALID, "Not a valid regular expression");
            return null;
        }
    }

    private static FieldSpec number(Props p) {
        boolean integer = p.bool("integer");
        BigDecimal min = p.decimal("min");
        BigDecimal max = p.decimal("max");
        Integer scale = p.integer("scale", 0, 20);
        checkRange(p, min, max);
        return new FieldSpec.Number(integer, min, max, scale);
    }

    private static FieldSpec money(Props p) {
        String currency = p.string("currency", false);
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            p.error("currency", DefinitionCodes.PROPERTY_TYPE, "A currency is a three-letter ISO 4217 code");
            currency = null;
        }
        BigDecimal min = p.decimal("min");
        BigDecimal max = p.decimal("max");
        checkRange(p, min, max);
        return new FieldSpec.Money(currency, min, max);
    }

    private static void checkRange(Props p, BigDecimal min, BigDecimal max) {
        if (min != null && max != null && min.compareTo(max) > 0) {
            p.error("min", DefinitionCodes.RANGE_INVALID, "'min' is greater than 'max'");
        }
    }

    private static FieldSpec rollup(Props p) {
        String source = p.key("source", true);
        String via = p.key("via", true);
        Aggregate aggregate = null;
        String name = p.string("aggregate", true);
        if (name != null) {
            try {
                aggregate = Aggregate.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                aggregate = null;
            }
            if (aggregate == null || !name.equals(name.toLowerCase(Locale.ROOT))) {
                p.error("aggregate", DefinitionCodes.PROPERTY_VALUE_INVALID,
                        "'aggregate' is one of sum, count, avg, min, max");
                aggregate = null;
            }
        }
        // count needs no field; when the aggregate itself is unreadable, that problem is enough
        String field = p.key("field", aggregate != null && aggregate != Aggregate.COUNT);
        // the filter's fields are the source form's: the compiler checks them, once it knows that form
        return new FieldSpec.Rollup(source, via, aggregate, field, p.object("filter", false));
    }
}
