package dev.brickwork.forms.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.compile.FormCatalog;
import dev.brickwork.forms.compile.FormCompilation;
import dev.brickwork.forms.compile.FormCompiler;
import dev.brickwork.forms.expr.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.brickwork.forms.read.Fixtures.definition;
import static dev.brickwork.forms.read.Fixtures.found;
import static dev.brickwork.forms.read.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

class RecordValidatorTest {

    private static final CompiledForm DEAL = compiled(definition("RecordValidatorTest.deal"));
    private static final RecordValidator VALIDATOR = new RecordValidator(
            Clock.fixed(Instant.parse("2025-01-15T08:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);

    /** A valid deal; each case below changes one thing. */
    private static final String VALID = """
            {"name": "Acme", "code": "AB-12", "qty": 3, "rate": "12.5", "amount": "100.00", "flag": true,
             "due": "2025-02-28", "at": "2025-01-15T10:00:00+08:00", "stage": "draft", "tags": ["a", "c"],
             "mail": "sales@example.com", "tel": "+86 138-0013-8000", "site": "https://example.com/a?b=1",
             "rep": "u_42", "parent": "0192F6C8-1234-7abc-8def-0123456789ab",
             "lines": [{"id": "r1", "product": "Bolt", "price": "0.10"}, {"product": "Nut", "price": "0.20"}]}
            """;

    @Test
    void acceptsAValidRecordAndTypesItsValues() {
        // when
        RecordValidation result = VALIDATOR.validate(DEAL, json(VALID), null);

        // then
        assertThat(result.problems()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.values().get("qty")).isEqualTo(new Value.Number(new BigDecimal("3")));
        assertThat(result.values().get("amount")).isEqualTo(new Value.Number(new BigDecimal("100.00")));
        assertThat(result.values().get("due")).isEqualTo(new Value.Date(LocalDate.of(2025, 2, 28)));
        assertThat(result.values().get("at")).isEqualTo(new Value.DateTime(Instant.parse("2025-01-15T02:00:00Z")));
        assertThat(result.values().get("tags")).isEqualTo(new Value.ListOf(List.of("a", "c")));
        assertThat(result.values().get("parent")).isEqualTo(new Value.Text("0192f6c8-1234-7abc-8def-0123456789ab"));
        assertThat(result.values().get("locked")).isEqualTo(Value.NULL);
        assertThat(result.values()).doesNotContainKeys("secret", "serial", "lines");
        assertThat(result.hidden()).containsExactly("secret");
        assertThat(result.rows().get("lines")).hasSize(2);
        assertThat(result.rows().get("lines").get(0).id()).contains("r1");
        assertThat(result.rows().get("lines").get(1).id()).isEmpty();
    }

    @Test
    void aPreviewSaysWhatAFormShowsNowWithTheSavesOwnSemantics() {
        // given: a deal being filled in, signed (which locks "locked"), with a blank required name
        ObjectNode typed = (ObjectNode) json(VALID);
        typed.put("stage", "signed");
        typed.putNull("name");

        // when
        RecordPreview preview = VALIDATOR.preview(DEAL, typed, null, null);

        // then: the same values and problems a save meets, plus what readOnlyWhen locks now
        RecordValidation saved = VALIDATOR.validate(DEAL, typed, null);
        assertThat(preview.validation()).isEqualTo(saved);
        assertThat(preview.readOnly()).containsExactly("locked");
        assertThat(preview.validation().problems()).extracting(Problem::pointer).contains("/fields/name");
        assertThat(VALIDATOR.preview(DEAL, json(VALID), null, null).readOnly()).isEmpty();
    }

    @Test
    void computesFormulasWithExactMoney() {
        RecordValidation result = VALIDATOR.validate(DEAL, json(VALID), null);

        Value sum = result.values().get("lines_sum");
        assertThat(sum).isInstanceOfSatisfying(Value.Number.class,
                n -> assertThat(n.value()).isEqualByComparingTo("0.30"));
        assertThat(((Value.Number) sum).value().toPlainString()).isEqualTo("0.30");
        assertThat(result.values().get("doubled")).isInstanceOfSatisfying(Value.Number.class,
                n -> assertThat(n.value()).isEqualByComparingTo("200"));
        assertThat(result.rows().get("lines").get(1).values().get("line_total")).isInstanceOfSatisfying(Value.Number.class,
                n -> assertThat(n.value()).isEqualByComparingTo("0.40"));
    }

    static Stream<Arguments> invalidRecords() {
        return Stream.of(
                Arguments.of("an unknown field", "{\"nickname\": \"x\"}", Set.of("/fields/nickname FIELD_UNKNOWN")),
                Arguments.of("a missing required field", "{\"name\": null}", Set.of("/fields/name FIELD_REQUIRED")),
                Arguments.of("a blank required field", "{\"name\": \"   \"}", Set.of("/fields/name FIELD_REQUIRED")),
                Arguments.of("a number where text belongs", "{\"name\": 12}", Set.of("/fields/name FIELD_TYPE_MISMATCH")),
                Arguments.of("text that is too long", "{\"name\": \"Acme Corp\"}", Set.of("/fields/name FIELD_TOO_LONG")),
                Arguments.of("Chinese text that is too long", "{\"name\": \"阿里巴巴网络\"}", Set.of("/fields/name FIELD_TOO_LONG")),
                Arguments.of("text not matching the pattern", "{\"code\": \"ab-12\"}", Set.of("/fields/code FIELD_PATTERN_MISMATCH")),
                Arguments.of("a fraction for an integer", "{\"qty\": 2.5}", Set.of("/fields/qty FIELD_TYPE_MISMATCH")),
                Arguments.of("a word for a number", "{\"qty\": \"three\"}", Set.of("/fields/qty FIELD_TYPE_MISMATCH")),
                Arguments.of("a number below min", "{\"qty\": 0}", Set.of("/fields/qty FIELD_BELOW_MIN")),
                Arguments.of("a number above max", "{\"qty\": \"11\"}", Set.of("/fields/qty FIELD_ABOVE_MAX")),
                Arguments.of("too many decimals", "{\"rate\": \"12.345\"}", Set.of("/fields/rate FIELD_SCALE")),
                Arguments.of("money with a tenth of a cent", "{\"amount\": \"1.005\"}", Set.of("/fields/amount FIELD_SCALE")),
                Arguments.of("negative money", "{\"amount\": -1}",
                        Set.of("/fields/amount FIELD_BELOW_MIN")),
                Arguments.of("an integer beyond 64 bits", "{\"qty\": 9223372036854775808}", Set.of("/fields/qty FIELD_NUMBER_TOO_LARGE")),
                Arguments.of("a decimal with more scale than any field keeps", "{\"rate\": 1e-400}", Set.of("/fields/rate FIELD_SCALE")),
                Arguments.of("money a double would round", "{\"amount\": 12345678901234567.891}", Set.of("/fields/amount FIELD_SCALE")),
                Arguments.of("a number beyond 30 digits", "{\"rate\": 1e31}", Set.of("/fields/rate FIELD_NUMBER_TOO_LARGE")),
                Arguments.of("a date in year 0", "{\"due\": \"0000-06-01\"}", Set.of("/fields/due FIELD_DATE_INVALID")),
                Arguments.of("a date-time past year 9999", "{\"at\": \"+10000-01-01T00:00:00Z\"}", Set.of("/fields/at FIELD_DATETIME_INVALID")),
                Arguments.of("a string for a boolean", "{\"flag\": \"true\"}", Set.of("/fields/flag FIELD_TYPE_MISMATCH")),
                Arguments.of("an impossible date", "{\"due\": \"2025-02-30\"}", Set.of("/fields/due FIELD_DATE_INVALID")),
                Arguments.of("a date in another format", "{\"due\": \"28.02.2025\"}", Set.of("/fields/due FIELD_DATE_INVALID")),
                Arguments.of("a date-time without offset", "{\"at\": \"2025-01-15T10:00:00\"}", Set.of("/fields/at FIELD_DATETIME_INVALID")),
                Arguments.of("an unknown option", "{\"stage\": \"lost\"}", Set.of("/fields/stage FIELD_OPTION_UNKNOWN")),
                Arguments.of("an unknown multiselect option", "{\"tags\": [\"a\", \"z\"]}", Set.of("/fields/tags FIELD_OPTION_UNKNOWN")),
                Arguments.of("a multiselect option twice", "{\"tags\": [\"a\", \"a\"]}", Set.of("/fields/tags FIELD_OPTION_UNKNOWN")),
                Arguments.of("a multiselect that is a string", "{\"tags\": \"a\"}", Set.of("/fields/tags FIELD_TYPE_MISMATCH")),
                Arguments.of("an e-mail without domain", "{\"mail\": \"sales@\"}", Set.of("/fields/mail FIELD_EMAIL_INVALID")),
                Arguments.of("a phone with letters", "{\"tel\": \"call 12345\"}", Set.of("/fields/tel FIELD_PHONE_INVALID")),
                Arguments.of("a phone with too few digits", "{\"tel\": \"+1 23\"}", Set.of("/fields/tel FIELD_PHONE_INVALID")),
                Arguments.of("a URL that is not http", "{\"site\": \"ftp://example.com\"}", Set.of("/fields/site FIELD_URL_INVALID")),
                Arguments.of("a relative URL", "{\"site\": \"/a/b\"}", Set.of("/fields/site FIELD_URL_INVALID")),
                Arguments.of("a reference that is not a UUID", "{\"parent\": \"42\"}", Set.of("/fields/parent FIELD_REFERENCE_INVALID")),
                Arguments.of("a written formula", "{\"doubled\": \"1\"}", Set.of("/fields/doubled FIELD_READ_ONLY")),
                Arguments.of("a written autonumber", "{\"serial\": \"D-0001\"}", Set.of("/fields/serial FIELD_READ_ONLY")),
                Arguments.of("a field read-only by condition", "{\"stage\": \"signed\", \"secret\": \"s\", \"locked\": \"x\"}",
                        Set.of("/fields/locked FIELD_READ_ONLY")),
                Arguments.of("a visible required field left out", "{\"stage\": \"signed\"}", Set.of("/fields/secret FIELD_REQUIRED")),
                Arguments.of("a row without its required field and with an unknown key",
                        "{\"lines\": [{\"product\": \"Bolt\"}, {\"price\": \"1\", \"colour\": \"red\"}]}",
                        Set.of("/fields/lines/1/product FIELD_REQUIRED", "/fields/lines/1/colour FIELD_UNKNOWN")),
                Arguments.of("rows that are not objects or have a numeric id",
                        "{\"lines\": [\"Bolt\", {\"id\": 7, \"product\": \"Nut\", \"price\": \"0.001\"}]}",
                        Set.of("/fields/lines/0 FIELD_TYPE_MISMATCH", "/fields/lines/1/id FIELD_TYPE_MISMATCH",
                                "/fields/lines/1/price FIELD_SCALE")),
                Arguments.of("a subtable that is not an array", "{\"lines\": {}}", Set.of("/fields/lines FIELD_TYPE_MISMATCH")),
                Arguments.of("a validation rule on a field failing", "{\"amount\": \"0\"}", Set.of("/fields/amount RULE_FAILED")),
                Arguments.of("a validation rule on the record failing", "{\"qty\": 10}", Set.of(" RULE_FAILED")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRecords")
    void reportsEachProblemAtItsField(String description, String change, Set<String> expected) {
        // given
        ObjectNode record = (ObjectNode) json(VALID);
        record.setAll((ObjectNode) json(change));

        // when
        RecordValidation result = VALIDATOR.validate(DEAL, record, null);

        // then
        assertThat(found(result.problems())).isEqualTo(expected);
        assertThat(result.valid()).isFalse();
    }

    @Test
    void ignoresFieldsHiddenByTheirConditionEntirely() {
        // given: secret is required but hidden while the stage is draft, and its value is of the wrong type
        ObjectNode record = (ObjectNode) json(VALID);
        record.put("secret", 42);

        // when
        RecordValidation result = VALIDATOR.validate(DEAL, record, null);

        // then
        assertThat(result.problems()).isEmpty();
        assertThat(result.values()).doesNotContainKey("secret");
        assertThat(result.hidden()).containsExactly("secret");
    }

    @Test
    void refusesComputedFieldsOnlyWhenTheCallerMarksThemChanged() {
        ObjectNode record = (ObjectNode) json(VALID);
        record.put("doubled", "999").put("serial", "D-0001");

        assertThat(VALIDATOR.validate(DEAL, record, Set.of("name")).problems()).isEmpty();
        assertThat(found(VALIDATOR.validate(DEAL, record, Set.of("serial")).problems()))
                .containsExactly("/fields/serial FIELD_READ_ONLY");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} held as {1} gives a ratio of {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            "1000.00" | 1000.00 | 0.3
            "1000"    | 1000    | 0.3
            "0.5"     | 0.5     | 600
            null      | null    | null
            """)
    void readsALookupAsTheFieldItLooksUpAndComputesWithIt(String held, String value, String ratio) {
        FormCompilation compilation = FormCompiler.compile(json("""
                {"schemaVersion": 1, "key": "payment_plan", "fields": [
                  {"key": "parent", "type": "reference", "target": "payment_plan"},
                  {"key": "planned_amount", "type": "money"},
                  {"key": "parent_amount", "type": "lookup", "via": "parent", "field": "planned_amount"},
                  {"key": "ratio", "type": "formula", "expression": "planned_amount / parent_amount"}]}"""),
                FormCatalog.EMPTY);
        CompiledForm plans = compilation.form().orElseThrow();
        ObjectNode record = (ObjectNode) json("{\"planned_amount\": \"300\", \"parent_amount\": " + held + "}");

        RecordValidation written = VALIDATOR.validate(plans, record, Set.of("planned_amount"));
        RecordValidation sent = VALIDATOR.validate(plans, record, Set.of("planned_amount", "parent_amount"));

        assertThat(written.problems()).isEmpty();
        assertThat(written.values().get("parent_amount"))
                .isEqualTo(value == null ? dev.brickwork.forms.expr.Value.NULL
                        : new dev.brickwork.forms.expr.Value.Number(new java.math.BigDecimal(value)));
        assertThat(written.values().get("ratio")).isEqualTo(ratio == null ? dev.brickwork.forms.expr.Value.NULL
                : new dev.brickwork.forms.expr.Value.Number(new java.math.BigDecimal(ratio)));
        assertThat(found(sent.problems())).containsExactly("/fields/parent_amount FIELD_READ_ONLY");
    }

    @Test
    void countsCodePointsNotCharsForMaxLength() {
        ObjectNode record = (ObjectNode) json(VALID);
        record.put("name", "😀😀😀😀😀");
        assertThat(VALIDATOR.validate(DEAL, record, null).problems()).isEmpty();
        record.put("name", "阿里巴巴网");
        assertThat(VALIDATOR.validate(DEAL, record, null).problems()).isEmpty();
    }

    @Test
    void neverEchoesTheRejectedValue() {
        ObjectNode record = (ObjectNode) json(VALID);
        record.put("mail", "SECRET-VALUE").put("name", "SECRET-VALUE-TOO-LONG").put("stage", "SECRET-VALUE");

        List<Problem> problems = VALIDATOR.validate(DEAL, record, null).problems();

        assertThat(problems).hasSize(3).allSatisfy(p -> assertThat(p.message()).doesNotContain("SECRET"));
    }

    @Test
    void reportsAFormulaThatCannotBeComputed() {
        CompiledForm form = compiled(json("""
                {"schemaVersion": 1, "key": "ratio", "fields": [
                  {"key": "a", "type": "number"}, {"key": "b", "type": "number"},
                  {"key": "r", "type": "formula", "expression": "a / b"}]}
                """));

        RecordValidation result = VALIDATOR.validate(form, json("{\"a\": 1, \"b\": 0}"), null);

        assertThat(found(result.problems())).containsExactly("/fields/r FORMULA_FAILED");
        assertThat(result.values()).doesNotContainKey("r");
    }

    @Test
    void hidesFieldsWhoseConditionDependsOnAHiddenField() {
        CompiledForm form = compiled(json("""
                {"schemaVersion": 1, "key": "chain", "fields": [
                  {"key": "kind", "type": "text"},
                  {"key": "detail", "type": "text", "visibleWhen": "kind = 'x'"},
                  {"key": "more", "type": "text", "required": true, "visibleWhen": "detail = 'y'"}]}
                """));

        RecordValidation result = VALIDATOR.validate(form, json("{\"kind\": \"z\", \"detail\": \"y\"}"), null);

        assertThat(result.problems()).isEmpty();
        assertThat(result.hidden()).containsExactlyInAnyOrder("detail", "more");
    }

    @Test
    void refusesFieldsThatAreNotAnObject() {
        assertThat(found(VALIDATOR.validate(DEAL, json("[]"), null).problems()))
                .containsExactly("/fields RECORD_NOT_OBJECT");
    }

    private static CompiledForm compiled(JsonNode definition) {
        FormCompilation compilation = FormCompiler.compile(definition, FormCatalog.EMPTY);
        assertThat(compilation.problems()).isEmpty();
        return compilation.form().orElseThrow();
    }
}
