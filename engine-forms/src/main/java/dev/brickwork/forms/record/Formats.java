package dev.brickwork.forms.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.expr.DateRange;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.record.FieldValues.Outcome;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static dev.brickwork.forms.record.FieldValues.invalid;
import static dev.brickwork.forms.record.FieldValues.ok;

/** The string formats of field values: dates, e-mail addresses, phone numbers, URLs, record ids, decimals. */
final class Formats {

    private static final int MAX_DECIMAL_TEXT = 200;
    private static final Pattern DECIMAL = Pattern.compile("^-?\\d+(\\.\\d+)?$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    /** Deliberately plain: one @, no spaces, a dot in the domain; deliverability is not ours to judge. */
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]{1,64}@[^\\s@.]+(\\.[^\\s@.]+)+$");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("^[0-9 +()\\-]+$");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    /** Patterns come from published definitions, so the cache stays as small as the set of forms. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private Formats() {
    }

    /**
     * A JSON number or numeric string as the exact decimal written, or null; the caller judges its size. A JSON
     * number read as a double (a reader without exact decimals) is refused rather than trusted.
     */
    static BigDecimal exactDecimal(JsonNode node) {
        if (node.isBigDecimal() || node.isIntegralNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual() && node.textValue().length() <= MAX_DECIMAL_TEXT && DECIMAL.matcher(node.textValue()).matches()) {
            return new BigDecimal(node.textValue());
        }
        return null;
    }

    static boolean matches(String pattern, String value) {
        try {
            return PATTERNS.computeIfAbsent(pattern, Pattern::compile).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            // the definition reader refuses such patterns; a stale one must not accept everything
            return false;
        }
    }

    static Outcome date(String text) {
        if (text.isEmpty()) {
            return ok(Value.NULL);
        }
        try {
            if (DATE.matcher(text).matches()) {
                LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                return DateRange.holds(date) ? ok(new Value.Date(date))
                        : invalid(RecordCodes.FIELD_DATE_INVALID, "A date lies between the years 1 and 9999");
            }
        } catch (DateTimeParseException e) {
            // falls through to the problem
        }
        return invalid(RecordCodes.FIELD_DATE_INVALID, "A date is written yyyy-MM-dd");
    }

    static Outcome dateTime(String text) {
        if (text.isEmpty()) {
            return ok(Value.NULL);
        }
        try {
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return DateRange.holds(instant) ? ok(new Value.DateTime(instant))
                    : invalid(RecordCodes.FIELD_DATETIME_INVALID, "A date-time lies between the years 1 and 9999 (UTC)");
        } catch (DateTimeParseException e) {
            return invalid(RecordCodes.FIELD_DATETIME_INVALID, "A date-time is ISO-8601 with an offset or Z");
        }
    }

    static Outcome email(String text) {
        if (text.isBlank()) {
            return ok(Value.NULL);
        }
        return text.length() <= 254 && EMAIL.matcher(text).matches()
                ? ok(new Value.Text(text))
                : invalid(RecordCodes.FIELD_EMAIL_INVALID, "Not an e-mail address");
    }

    /** Digits, spaces and + - ( ) only, with 5 to 20 digits. */
    static Outcome phone(String text) {
        if (text.isBlank()) {
            return ok(Value.NULL);
        }
        long digits = text.chars().filter(c -> c >= '0' && c <= '9').count();
        return PHONE_CHARACTERS.matcher(text).matches() && digits >= 5 && digits <= 20
                ? ok(new Value.Text(text))
                : invalid(RecordCodes.FIELD_PHONE_INVALID, "Not a phone number");
    }

    /** An absolute http or https URL with a host. */
    static Outcome url(String text) {
        if (text.isBlank()) {
            return ok(Value.NULL);
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()
                    && text.length() <= 2048) {
                return ok(new Value.Text(text));
            }
        } catch (URISyntaxException e) {
            // falls through to the problem
        }
        return invalid(RecordCodes.FIELD_URL_INVALID, "Not an http or https URL");
    }

    /** A record id is a UUID; whether the record exists is the database's to say. */
    static Outcome reference(String text) {
        if (text.isEmpty()) {
            return ok(Value.NULL);
        }
        return UUID.matcher(text).matches()
                ? ok(new Value.Text(text.toLowerCase(Locale.ROOT)))
                : invalid(RecordCodes.FIELD_REFERENCE_INVALID, "A reference is a record id (UUID)");
    }
}
