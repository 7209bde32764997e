package dev.brickwork.templates.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Field values written as the records API takes them: money as exact decimal text, dates ISO, times in China's offset. */
final class Values {

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Values() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static JsonNode money(BigDecimal amount) {
        return NODES.textNode(amount.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    /** A percent field holds the fraction (0.15 for 15%), as the starter's formulas compute with it. */
    static JsonNode percent(double fraction) {
        return NODES.numberNode(BigDecimal.valueOf(fraction).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
    }

    static JsonNode date(LocalDate day) {
        return NODES.textNode(day.toString());
    }

    static JsonNode dateTime(LocalDateTime at) {
        return NODES.textNode(at.withNano(0).atOffset(CHINA).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
