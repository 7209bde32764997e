package dev.brickwork.forms.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.FormDefinition;
import dev.brickwork.forms.model.RuleDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Stream;

import static dev.brickwork.forms.read.Fixtures.definition;
import static dev.brickwork.forms.read.Fixtures.found;
import static dev.brickwork.forms.read.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

class DefinitionReaderTest {

    @Test
    void readsTheContractExampleOfTheSpecWithoutProblems() {
        // when
        DefinitionReading reading = DefinitionReader.read(definition("contract"));

        // then
        assertThat(reading.problems()).isEmpty();
        FormDefinition form = reading.definition().orElseThrow();
        assertThat(form.key()).isEqualTo("contract");
        assertThat(form.label().in("zh-CN")).isEqualTo("合同");
        assertThat(form.titleField()).isEqualTo("title");
        assertThat(form.fields()).extracting(f -> f.key()).containsExactly("code", "title", "customer", "amount",
                "signed_on", "stage", "lines", "total", "received", "bank_account");
        assertThat(form.field("amount").orElseThrow().spec()).isEqualTo(
                new FieldSpec.Money("CNY", BigDecimal.ZERO, null));
        FieldSpec.Choice stage = (FieldSpec.Choice) form.field("stage").orElseThrow().spec();
        assertThat(stage.options()).extracting(o -> o.label().in("zh-CN")).containsExactly("草稿", "已签约");
        FieldSpec.Subtable lines = (FieldSpec.Subtable) form.field("lines").orElseThrow().spec();
        assertThat(lines.fields()).extracting(f -> f.type())
                .containsExactly(FieldType.TEXT, FieldType.NUMBER, FieldType.MONEY, FieldType.FORMULA);
        assertThat(form.field("received").orElseThrow().spec()).isEqualTo(
                new FieldSpec.Rollup("payment_plan", "contract", FieldSpec.Aggregate.SUM, "received_amount"));
        assertThat(form.rules()).hasSize(2);
        assertThat(form.rules().get(1)).isInstanceOfSatisfying(RuleDefinition.Duplicate.class,
                d -> assertThat(d.normalize()).containsEntry("title", RuleDefinition.NormalizeMode.TEXT));
        assertThat(reading.sources().fieldProperty("lines", "line_total", "expression"))
                .isEqualTo("/fields/6/fields/3/expression");
    }

    @Test
    void rejectsUnknownProperties() {
        // given
        JsonNode input = definition("DefinitionReaderTest.rejectsUnknownProperties");

        // when
        DefinitionReading reading = DefinitionReader.read(input);

        // then
        assertThat(found(reading.problems())).containsExactlyInAnyOrder(
                "/colour PROPERTY_UNKNOWN",
                "/fields/1/currency PROPERTY_UNKNOWN",
                "/fields/2/maxLenght PROPERTY_UNKNOWN",
                "/fields/3/fields/0/options PROPERTY_UNKNOWN",
                "/fields/4/options/0/color PROPERTY_UNKNOWN",
                "/rules/0/severity PROPERTY_UNKNOWN");
    }

    @Test
    void reportsEveryProblemOfABrokenDefinition() {
        // when
        DefinitionReading reading = DefinitionReader.read(definition("DefinitionReaderTest.reportsEveryProblemOfABrokenDefinition"));

        // then
        assertThat(found(reading.problems())).containsExactlyInAnyOrder(
                "/schemaVersion FORM_SCHEMA_VERSION_UNSUPPORTED",
                "/key KEY_INVALID",
                "/label/english LABEL_INVALID",
                "/label/zh-CN LABEL_INVALID",
                "/titleField TITLE_FIELD_INVALID",
                "/fields/0/maxLength PROPERTY_TYPE",
                "/fields/0/pattern PATTERN_INVALID",
                "/fields/1/key FIELD_KEY_DUPLICATE",
                "/fields/2/key FIELD_KEY_RESERVED",
                "/fields/3/key FIELD_KEY_SYSTEM",
                "/fields/4/min RANGE_INVALID",
                "/fields/5/options/1/value OPTION_DUPLICATE",
                "/fields/6/target PROPERTY_REQUIRED",
                "/fields/7/type FIELD_TYPE_UNKNOWN",
                "/fields/8/fields/1/key FIELD_KEY_DUPLICATE",
                "/fields/8/fields/2/type SUBTABLE_NESTED",
                "/fields/9/via PROPERTY_REQUIRED",
                "/fields/9/aggregate PROPERTY_VALUE_INVALID",
                "/fields/10 PROPERTY_TYPE",
                "/rules/0/field RULE_FIELD_UNKNOWN",
                "/rules/1/key RULE_KEY_DUPLICATE",
                "/rules/2/fields/0 RULE_FIELD_INVALID",
                "/rules/2/fields/1 RULE_FIELD_UNKNOWN",
                "/rules/2/normalize/name PROPERTY_VALUE_INVALID",
                "/rules/2/normalize/kind RULE_FIELD_INVALID",
                "/rules/2/action PROPERTY_VALUE_INVALID",
                "/rules/3/type RULE_TYPE_UNKNOWN");
        assertThat(reading.definition()).isPresent();
    }

    static Stream<Arguments> invalidDefinitions() {
        return Stream.of(
                Arguments.of("a root that is not an object", "[1, 2]", Set.of(" DEFINITION_NOT_OBJECT")),
                Arguments.of("a missing schema version, key and fields", "{}",
                        Set.of("/schemaVersion PROPERTY_REQUIRED", "/key PROPERTY_REQUIRED", "/fields PROPERTY_REQUIRED")),
                Arguments.of("a schema version that is a string", form("\"schemaVersion\": \"1\"", "{\"key\": \"a\", \"type\": \"text\"}"),
                        Set.of("/schemaVersion FORM_SCHEMA_VERSION_UNSUPPORTED")),
                Arguments.of("a key longer than 40 characters", "{\"schemaVersion\": 1, \"key\": \"a" + "b".repeat(40)
                        + "\", \"fields\": [{\"key\": \"a\", \"type\": \"text\"}]}", Set.of("/key KEY_INVALID")),
                Arguments.of("a label that is a number", form("\"label\": 3", "{\"key\": \"a\", \"type\": \"text\"}"),
                        Set.of("/label LABEL_INVALID")),
                Arguments.of("empty fields", "{\"schemaVersion\": 1, \"key\": \"f\", \"fields\": []}",
                        Set.of("/fields PROPERTY_REQUIRED")),
                Arguments.of("fields that are an object", "{\"schemaVersion\": 1, \"key\": \"f\", \"fields\": {}}",
                        Set.of("/fields PROPERTY_TYPE")),
                Arguments.of("a field without key and type", form("", "{}"),
                        Set.of("/fields/0/key PROPERTY_REQUIRED", "/fields/0/type PROPERTY_REQUIRED")),
                Arguments.of("a key starting with an underscore", form("", "{\"key\": \"_x\", \"type\": \"text\"}"),
                        Set.of("/fields/0/key KEY_INVALID")),
                Arguments.of("an upper-case key", form("", "{\"key\": \"Name\", \"type\": \"text\"}"),
                        Set.of("/fields/0/key KEY_INVALID")),
                Arguments.of("reserved words as keys", form("", "{\"key\": \"order\", \"type\": \"text\"}",
                                "{\"key\": \"user\", \"type\": \"user\"}", "{\"key\": \"limit\", \"type\": \"number\"}"),
                        Set.of("/fields/0/key FIELD_KEY_RESERVED", "/fields/1/key FIELD_KEY_RESERVED",
                                "/fields/2/key FIELD_KEY_RESERVED")),
                Arguments.of("system columns as keys, also in a subtable", form("", "{\"key\": \"owner\", \"type\": \"user\"}",
                                "{\"key\": \"lines\", \"type\": \"subtable\", \"fields\": [{\"key\": \"position\", \"type\": \"number\"}]}"),
                        Set.of("/fields/0/key FIELD_KEY_SYSTEM", "/fields/1/fields/0/key FIELD_KEY_SYSTEM")),
                Arguments.of("PostgreSQL's own system columns as keys, also in a subtable", form("",
                                "{\"key\": \"ctid\", \"type\": \"text\"}", "{\"key\": \"xmin\", \"type\": \"number\"}",
                                "{\"key\": \"xmax\", \"type\": \"text\"}", "{\"key\": \"cmin\", \"type\": \"text\"}",
                                "{\"key\": \"cmax\", \"type\": \"text\"}", "{\"key\": \"tableoid\", \"type\": \"text\"}",
                                "{\"key\": \"lines\", \"type\": \"subtable\", \"fields\": [{\"key\": \"ctid\", \"type\": \"text\"}]}"),
                        Set.of("/fields/0/key FIELD_KEY_SYSTEM", "/fields/1/key FIELD_KEY_SYSTEM", "/fields/2/key FIELD_KEY_SYSTEM",
                                "/fields/3/key FIELD_KEY_SYSTEM", "/fields/4/key FIELD_KEY_SYSTEM", "/fields/5/key FIELD_KEY_SYSTEM",
                                "/fields/6/fields/0/key FIELD_KEY_SYSTEM")),
                Arguments.of("wrongly typed common properties", form("",
                                "{\"key\": \"a\", \"type\": \"text\", \"required\": \"yes\", \"unique\": 1, \"visibleWhen\": true}"),
                        Set.of("/fields/0/required PROPERTY_TYPE", "/fields/0/unique PROPERTY_TYPE",
                                "/fields/0/visibleWhen PROPERTY_TYPE")),
                Arguments.of("number properties of the wrong type", form("",
                                "{\"key\": \"a\", \"type\": \"number\", \"integer\": 1, \"min\": \"ten\", \"scale\": 2.5}"),
                        Set.of("/fields/0/integer PROPERTY_TYPE", "/fields/0/min PROPERTY_TYPE", "/fields/0/scale PROPERTY_TYPE")),
                Arguments.of("a max length of zero", form("", "{\"key\": \"a\", \"type\": \"text\", \"maxLength\": 0}"),
                        Set.of("/fields/0/maxLength PROPERTY_TYPE")),
                Arguments.of("a currency that is not ISO 4217", form("", "{\"key\": \"a\", \"type\": \"money\", \"currency\": \"yuan\"}"),
                        Set.of("/fields/0/currency PROPERTY_TYPE")),
                Arguments.of("a money range with min above max as strings", form("",
                                "{\"key\": \"a\", \"type\": \"money\", \"min\": \"100.01\", \"max\": \"100.00\"}"),
                        Set.of("/fields/0/min RANGE_INVALID")),
                Arguments.of("a select without options", form("", "{\"key\": \"a\", \"type\": \"select\"}",
                                "{\"key\": \"b\", \"type\": \"multiselect\", \"options\": []}"),
                        Set.of("/fields/0/options PROPERTY_REQUIRED", "/fields/1/options PROPERTY_REQUIRED")),
                Arguments.of("an option that is not an object", form("", "{\"key\": \"a\", \"type\": \"select\", \"options\": [\"x\"]}"),
                        Set.of("/fields/0/options/0 PROPERTY_TYPE")),
                Arguments.of("a formula without expression", form("", "{\"key\": \"a\", \"type\": \"formula\"}"),
                        Set.of("/fields/0/expression PROPERTY_REQUIRED")),
                Arguments.of("a rollup without anything", form("", "{\"key\": \"a\", \"type\": \"rollup\"}"),
                        Set.of("/fields/0/source PROPERTY_REQUIRED", "/fields/0/via PROPERTY_REQUIRED",
                                "/fields/0/aggregate PROPERTY_REQUIRED")),
                Arguments.of("a sum rollup without field", form("",
                                "{\"key\": \"a\", \"type\": \"rollup\", \"source\": \"s\", \"via\": \"v\", \"aggregate\": \"sum\"}"),
                        Set.of("/fields/0/field PROPERTY_REQUIRED")),
                Arguments.of("an autonumber without pattern", form("", "{\"key\": \"a\", \"type\": \"autonumber\"}"),
                        Set.of("/fields/0/pattern PROPERTY_REQUIRED")),
                Arguments.of("a subtable with too many fields", form("", subtableWith(201)),
                        Set.of("/fields/0/fields FIELDS_TOO_MANY")),
                Arguments.of("a title field that does not exist", form("\"titleField\": \"nope\"", "{\"key\": \"a\", \"type\": \"text\"}"),
                        Set.of("/titleField TITLE_FIELD_INVALID")),
                Arguments.of("rules that are not an array", form("\"rules\": {}", "{\"key\": \"a\", \"type\": \"text\"}"),
                        Set.of("/rules PROPERTY_TYPE")),
                Arguments.of("a duplicate rule over a formula and nothing else", form("\"rules\": ["
                                + "{\"type\": \"duplicate\", \"key\": \"d\", \"fields\": [\"f\"]},"
                                + "{\"type\": \"duplicate\", \"key\": \"e\", \"fields\": []}]",
                                "{\"key\": \"f\", \"type\": \"formula\", \"expression\": \"1\"}"),
                        Set.of("/rules/0/fields/0 RULE_FIELD_INVALID", "/rules/1/fields PROPERTY_REQUIRED")),
                Arguments.of("a validation rule without key and expression", form("\"rules\": [{\"type\": \"validation\"}]",
                                "{\"key\": \"a\", \"type\": \"text\"}"),
                        Set.of("/rules/0/key PROPERTY_REQUIRED", "/rules/0/expression PROPERTY_REQUIRED")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    void reportsExactlyTheProblemsOfAnInvalidDefinition(String description, String input, Set<String> expected) {
        assertThat(found(DefinitionReader.read(json(input)).problems())).isEqualTo(expected);
    }

    @Test
    void limitsAFormTo500Fields() {
        assertThat(found(DefinitionReader.read(json(form("", textFields(501)))).problems()))
                .containsExactly("/fields FIELDS_TOO_MANY");
        assertThat(DefinitionReader.read(json(form("", textFields(500)))).problems()).isEmpty();
    }

    @Test
    void letsSubtableFieldsRepeatTheKeysOfTheirParent() {
        String input = form("", "{\"key\": \"name\", \"type\": \"text\"}",
                "{\"key\": \"lines\", \"type\": \"subtable\", \"fields\": [{\"key\": \"name\", \"type\": \"text\"}]}");
        assertThat(DefinitionReader.read(json(input)).problems()).isEmpty();
    }

    @Test
    void readsChineseLabelsAndOptions() {
        String input = form("\"label\": \"客户\"", "{\"key\": \"level\", \"type\": \"select\", \"label\": {\"zh-CN\": \"等级\"},"
                + " \"options\": [{\"value\": \"重要\", \"label\": \"重要客户\"}, {\"value\": \"普通\"}]}");
        DefinitionReading reading = DefinitionReader.read(json(input));
        assertThat(reading.problems()).isEmpty();
        FieldSpec.Choice choice = (FieldSpec.Choice) reading.definition().orElseThrow().fields().get(0).spec();
        assertThat(choice.options()).extracting(o -> o.value()).containsExactly("重要", "普通");
        assertThat(reading.definition().orElseThrow().label().in("en")).isEqualTo("客户");
    }

    @Test
    void readsMinAndMaxAsExactDecimals() {
        String input = form("", "{\"key\": \"rate\", \"type\": \"percent\", \"min\": \"0.1\", \"max\": 99.99, \"scale\": 2}");
        FieldSpec.Number spec = (FieldSpec.Number) DefinitionReader.read(json(input)).definition().orElseThrow()
                .fields().get(0).spec();
        assertThat(spec.min()).isEqualByComparingTo("0.1");
        assertThat(spec.max()).isEqualTo(new BigDecimal("99.99"));
        assertThat(spec.scale()).isEqualTo(2);
    }

    /** A minimal form with extra root properties (or "") and the given field objects. */
    static String form(String extraRoot, String... fields) {
        return "{\"schemaVersion\": 1, \"key\": \"f\"" + (extraRoot.isEmpty() ? "" : ", " + extraRoot)
                + ", \"fields\": [" + String.join(",", fields) + "]}";
    }

    private static String subtableWith(int count) {
        return "{\"key\": \"lines\", \"type\": \"subtable\", \"fields\": [" + textFields(count) + "]}";
    }

    private static String textFields(int count) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < count; i++) {
            fields.append(i == 0 ? "" : ",").append("{\"key\": \"c").append(i).append("\", \"type\": \"text\"}");
        }
        return fields.toString();
    }
}
