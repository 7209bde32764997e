package dev.brickwork.forms.expr;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

// A contract form like docs/spec.md §2's, with its lines, as type and value scopes.
final class Fixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    // 2024-03-15T02:30Z is 10:30 on 15 March in Shanghai
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-15T02:30:00Z"), ZoneOffset.UTC);

    record Types(Map<String, ValueType> fields, Map<String, Types> subtables) implements TypeScope {
        @Override
        public Optional<ValueType> typeOf(String fieldKey) {
            return Optional.ofNullable(fields.get(fieldKey));
        }

        @Override
        public Optional<TypeScope> subtable(String subtableKey) {
            return Optional.ofNullable(subtables.get(subtableKey));
        }
    }

    record Values(Map<String, Value> fields, Map<String, List<ValueScope>> subtables) implements ValueScope {
        @Override
        public Value valueOf(String fieldKey) {
            return fields.getOrDefault(fieldKey, Value.NULL);
        }

        @Override
        public List<ValueScope> rowsOf(String subtableKey) {
            return subtables.getOrDefault(subtableKey, List.of());
        }

        @Override
        public Clock clock() {
            return CLOCK;
        }

        @Override
        public ZoneId zone() {
            return ZONE;
        }
    }

    static final Types LINE_TYPES = new Types(Map.of(
            "product", ValueType.TEXT, "qty", ValueType.NUMBER, "price", ValueType.NUMBER,
            "line_total", ValueType.NUMBER, "shipped_on", ValueType.DATE), Map.of());

    static final Types CONTRACT_TYPES = new Types(Map.ofEntries(
            Map.entry("title", ValueType.TEXT),
            Map.entry("stage", ValueType.TEXT),
            Map.entry("amount", ValueType.NUMBER),
            Map.entry("discount", ValueType.NUMBER),
            Map.entry("blank_number", ValueType.NUMBER),
            Map.entry("blank_text", ValueType.TEXT),
            Map.entry("blank_date", ValueType.DATE),
            Map.entry("urgent", ValueType.BOOLEAN),
            Map.entry("signed_on", ValueType.DATE),
            Map.entry("ends_on", ValueType.DATE),
            Map.entry("updated_at", ValueType.DATETIME),
            Map.entry("tags", ValueType.LIST),
            Map.entry("no_tags", ValueType.LIST)),
            Map.of("lines", LINE_TYPES, "notes", new Types(Map.of("body", ValueType.TEXT), Map.of())));

    static ValueScope line(String product, String qty, String price) {
        return new Values(Map.of(
                "product", new Value.Text(product),
                "qty", qty == null ? Value.NULL : number(qty),
                "price", number(price),
                "line_total", qty == null ? Value.NULL : new Value.Number(new BigDecimal(qty).multiply(new BigDecimal(price)))),
                Map.of());
    }

    static final ValueScope CONTRACT = new Values(Map.ofEntries(
            Map.entry("title", new Value.Text("Big deal")),
            Map.entry("stage", new Value.Text("signed")),
            Map.entry("amount", number("250000.00")),
            Map.entry("discount", number("0.1")),
            Map.entry("urgent", new Value.Bool(true)),
            Map.entry("signed_on", new Value.Date(LocalDate.of(2024, 2, 28))),
            Map.entry("ends_on", new Value.Date(LocalDate.of(2025, 2, 28))),
            Map.entry("updated_at", new Value.DateTime(Instant.parse("2023-12-31T20:00:00Z"))),
            Map.entry("tags", new Value.ListOf(List.of("vip", "renewal"))),
            Map.entry("no_tags", new Value.ListOf(List.of()))),
            Map.of("lines", List.of(
                    line("Widget", "3", "19.99"),
                    line("Gadget", "2", "5.50"),
                    line("Spare", null, "1.00"))));

    static Value.Number number(String text) {
        return new Value.Number(new BigDecimal(text));
    }

    private Fixtures() {
    }
}
