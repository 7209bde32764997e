package dev.brickwork.forms.expr;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

// Random expressions of a given type over the fixture contract, rendered to source.
final class TypedSources {

    private TypedSources() {
    }

    // Built once per type and depth: jqwik may memoize lazyOf by its suppliers' classes, mixing up the types.
    private static final Map<String, Arbitrary<String>> BUILT = new HashMap<>();

    static Arbitrary<String> of(ValueType type, int depth) {
        String key = type + "/" + depth;
        Arbitrary<String> built = BUILT.get(key);
        if (built == null) {
            built = depth == 0 ? leaf(type)
                    : Arbitraries.frequencyOf(Tuple.of(1, leaf(type)), Tuple.of(2, compound(type, depth - 1)));
            BUILT.put(key, built);
        }
        return built;
    }

    private static Arbitrary<String> leaf(ValueType type) {
        switch (type) {
            case NUMBER:
                Arbitrary<String> literal = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000"))
                        .ofScale(2).map(BigDecimal::toPlainString);
                return Arbitraries.oneOf(literal, Arbitraries.of("amount", "discount", "blank_number", "0", "null"));
            case TEXT:
                Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(8)
                        .map(value -> "'" + value.replace("'", "''") + "'");
                return Arbitraries.oneOf(text, Arbitraries.of("title", "blank_text", "\"it's\""));
            case BOOLEAN:
                return Arbitraries.of("true", "FALSE", "urgent", "null");
            default:
                return Arbitraries.of("signed_on", "ends_on", "blank_date", "TODAY()");
        }
    }

    private static Arbitrary<String> compound(ValueType type, int depth) {
        Arbitrary<String> number = of(ValueType.NUMBER, depth);
        Arbitrary<String> text = of(ValueType.TEXT, depth);
        Arbitrary<String> bool = of(ValueType.BOOLEAN, depth);
        Arbitrary<String> date = of(ValueType.DATE, depth);
        switch (type) {
            case NUMBER:
                return Arbitraries.oneOf(List.of(
                        binary(number, number, "+", "-", "*", "/", "%"),
                        number.map(n -> "-" + n),
                        Combinators.combine(number, Arbitraries.integers().between(-3, 3))
                                .as((n, d) -> "ROUND(" + n + ", " + d + ")"),
                        number.map(n -> "abs(" + n + ")"),
                        Combinators.combine(bool, number, number).as((c, a, b) -> "IF(" + c + ", " + a + ", " + b + ")"),
                        call(number, number, "MIN", "MAX", "COALESCE"),
                        text.map(t -> "LEN(" + t + ")"),
                        call(date, date, "DAYS"),
                        date.map(d -> "YEAR(" + d + ") + MONTH(" + d + ")"),
                        Combinators.combine(date, date).as((a, b) -> "(" + a + " - " + b + ")"),
                        // aggregates do not nest, so their arguments mix columns with plain leaves only
                        leaf(ValueType.NUMBER).map(n -> "SUM(lines.qty * " + n + ")"),
                        leaf(ValueType.NUMBER).map(n -> "AVG(lines.price - " + n + ")"),
                        Arbitraries.of("COUNT(lines)", "COUNT(lines.qty)", "MAX(lines.price)", "LEN(tags)")));
            case TEXT:
                return Arbitraries.oneOf(List.of(
                        binary(text, text, "&"),
                        binary(text, number, "&"),
                        text.map(t -> "UPPER(" + t + ")"),
                        text.map(t -> "lower(" + t + ")"),
                        call(text, date, "CONCAT"),
                        Combinators.combine(bool, text, text).as((c, a, b) -> "IF(" + c + ", " + a + ", " + b + ")"),
                        call(text, text, "COALESCE", "MIN"),
                        leaf(ValueType.TEXT).map(t -> "MAX(lines.product & " + t + ")")));
            case BOOLEAN:
                return Arbitraries.oneOf(List.of(
                        binary(number, number, "=", "!=", "<>", "<", "<=", ">", ">="),
                        binary(text, text, "=", "<", ">="),
                        binary(date, date, "=", "<", ">"),
                        binary(bool, bool, "and", "OR", "="),
                        bool.map(b -> "not (" + b + ")"),
                        bool.map(b -> "NOT(" + b + ")"),
                        call(bool, bool, "AND", "OR"),
                        text.map(t -> "ISBLANK(" + t + ")"),
                        Arbitraries.of("ISBLANK(tags)", "(COUNT(lines) > 0)")));
            default:
                return Arbitraries.oneOf(List.of(
                        binary(date, number, "+", "-"),
                        Combinators.combine(number, date).as((n, d) -> "(" + n + " + " + d + ")"),
                        Combinators.combine(bool, date, date).as((c, a, b) -> "IF(" + c + ", " + a + ", " + b + ")"),
                        call(date, date, "MIN", "MAX", "COALESCE"),
                        Combinators.combine(date, number, Arbitraries.of("'day'", "'month'", "'year'"))
                                .as((d, n, unit) -> "DATEADD(" + d + ", " + n + ", " + unit + ")"),
                        Arbitraries.of("MIN(lines.shipped_on)")));
        }
    }

    private static Arbitrary<String> binary(Arbitrary<String> left, Arbitrary<String> right, String... operators) {
        return Combinators.combine(left, Arbitraries.of(operators), right).as((l, op, r) -> "(" + l + " " + op + " " + r + ")");
    }

    private static Arbitrary<String> call(Arbitrary<String> first, Arbitrary<String> second, String... functions) {
        return Combinators.combine(Arbitraries.of(functions), first, second)
                .as((f, a, b) -> f + "(" + a + ", " + b + ")");
    }
}
