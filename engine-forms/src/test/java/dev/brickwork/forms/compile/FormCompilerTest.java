package dev.brickwork.forms.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.read.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static dev.brickwork.forms.read.Fixtures.contractCatalog;
import static dev.brickwork.forms.read.Fixtures.definition;
import static dev.brickwork.forms.read.Fixtures.found;
import static dev.brickwork.forms.read.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

class FormCompilerTest {

    @Test
    void compilesTheContractExampleOfTheSpecWithoutProblems() {
        // when
        FormCompilation compilation = FormCompiler.compile(definition("contract"), contractCatalog());

        // then
        assertThat(compilation.problems()).isEmpty();
        CompiledForm form = compilation.form().orElseThrow();
        assertThat(form.valueType("total")).contains(ValueType.NUMBER);
        assertThat(form.valueType("received")).contains(ValueType.NUMBER);
        assertThat(form.valueType("stage")).contains(ValueType.TEXT);
        assertThat(form.valueType("lines")).isEmpty();
        assertThat(form.formulas()).extracting(CompiledFormula::key).containsExactly("total");
        assertThat(form.visibleWhen("bank_account")).isPresent();
        assertThat(form.visibleWhen("title")).isEmpty();
        assertThat(form.validationRules()).extracting(r -> r.rule().key()).containsExactly("amount_matches_lines");
        CompiledForm lines = form.subtable("lines").orElseThrow();
        assertThat(lines.formulas()).extracting(CompiledFormula::key).containsExactly("line_total");
        assertThat(lines.valueType("line_total")).contains(ValueType.NUMBER);
        assertThat(form.subtable("total")).isEmpty();
    }

    @Test
    void catalogFormsCompileThemselves() {
        assertThat(FormCompiler.compile(definition("customer"), contractCatalog()).problems()).isEmpty();
        FormCatalog withContract = key -> Optional.of(Fixtures.read("contract")).filter(f -> f.key().equals(key));
        assertThat(FormCompiler.compile(definition("payment_plan"), withContract).problems()).isEmpty();
    }

    @Test
    void typesFormulasInDependencyOrderWhateverTheirWrittenOrder() {
        // given
        String input = form("{\"key\": \"label_text\", \"type\": \"formula\", \"expression\": \"'Total: ' & total\"}",
                "{\"key\": \"total\", \"type\": \"formula\", \"expression\": \"subtotal * 2\"}",
                "{\"key\": \"subtotal\", \"type\": \"formula\", \"expression\": \"price + 1\"}",
                "{\"key\": \"price\", \"type\": \"money\"}");

        // when
        FormCompilation compilation = FormCompiler.compile(json(input), FormCatalog.EMPTY);

        // then
        assertThat(compilation.problems()).isEmpty();
        CompiledForm compiled = compilation.form().orElseThrow();
        assertThat(compiled.formulas()).extracting(CompiledFormula::key).containsExactly("subtotal", "total", "label_text");
        assertThat(compiled.valueType("total")).contains(ValueType.NUMBER);
        assertThat(compiled.valueType("label_text")).contains(ValueType.TEXT);
    }

    @Test
    void reportsExpressionProblemsWithTheirPosition() {
        String input = form("{\"key\": \"a\", \"type\": \"number\"}",
                "{\"key\": \"b\", \"type\": \"formula\", \"expression\": \"a + nope\"}");
        Problem problem = FormCompiler.compile(json(input), FormCatalog.EMPTY).problems().get(0);
        assertThat(problem.pointer()).isEqualTo("/fields/1/expression");
        assertThat(problem.code()).isEqualTo("EXPR_UNKNOWN_FIELD");
        assertThat(problem.message()).startsWith("at position 4: ");
    }

    static Stream<Arguments> invalidDefinitions() {
        String text = "{\"key\": \"name\", \"type\": \"text\"}";
        return Stream.of(
                Arguments.of("a reference to a form the app does not have",
                        form("{\"key\": \"owner_account\", \"type\": \"reference\", \"target\": \"account\"}"),
                        Set.of("/fields/0/target REFERENCE_UNKNOWN_FORM")),
                Arguments.of("a reference to a form that is not the app's, inside a subtable",
                        form("{\"key\": \"lines\", \"type\": \"subtable\", \"fields\": [{\"key\": \"p\", \"type\": \"reference\", \"target\": \"product\"}]}"),
                        Set.of("/fields/0/fields/0/target REFERENCE_UNKNOWN_FORM")),
                Arguments.of("a rollup over an unknown form",
                        form("{\"key\": \"r\", \"type\": \"rollup\", \"source\": \"invoice\", \"via\": \"contract\", \"aggregate\": \"count\"}"),
                        Set.of("/fields/0/source ROLLUP_UNKNOWN_FORM")),
                Arguments.of("a rollup via a field that is not a reference to this form",
                        form("{\"key\": \"r\", \"type\": \"rollup\", \"source\": \"payment_plan\", \"via\": \"note\", \"aggregate\": \"count\"}",
                                "{\"key\": \"s\", \"type\": \"rollup\", \"source\": \"customer\", \"via\": \"name\", \"aggregate\": \"count\"}"),
                        Set.of("/fields/0/via ROLLUP_VIA_INVALID", "/fields/1/via ROLLUP_VIA_INVALID")),
                Arguments.of("a rollup summing a text field and a missing field",
                        form("{\"key\": \"r\", \"type\": \"rollup\", \"source\": \"payment_plan\", \"via\": \"contract\", \"aggregate\": \"sum\", \"field\": \"note\"}",
                                "{\"key\": \"s\", \"type\": \"rollup\", \"source\": \"payment_plan\", \"via\": \"contract\", \"aggregate\": \"max\", \"field\": \"ghost\"}"),
                        Set.of("/fields/0/field ROLLUP_FIELD_INVALID", "/fields/1/field ROLLUP_FIELD_INVALID")),
                Arguments.of("formulas in a cycle",
                        form("{\"key\": \"a\", \"type\": \"formula\", \"expression\": \"b + 1\"}",
                                "{\"key\": \"b\", \"type\": \"formula\", \"expression\": \"c + 1\"}",
                                "{\"key\": \"c\", \"type\": \"formula\", \"expression\": \"a + 1\"}",
                                "{\"key\": \"d\", \"type\": \"formula\", \"expression\": \"d\"}"),
                        Set.of("/fields/0/expression FORMULA_CYCLE", "/fields/1/expression FORMULA_CYCLE",
                                "/fields/2/expression FORMULA_CYCLE", "/fields/3/expression FORMULA_CYCLE")),
                Arguments.of("sensitive on types whose values cannot be stored encrypted",
                        form("{\"key\": \"vip\", \"type\": \"boolean\", \"sensitive\": true}",
                                "{\"key\": \"tags\", \"type\": \"multiselect\", \"options\": [{\"value\": \"a\"}], \"sensitive\": true}",
                                "{\"key\": \"f\", \"type\": \"formula\", \"expression\": \"1\", \"sensitive\": true}",
                                "{\"key\": \"ok\", \"type\": \"date\", \"sensitive\": true}"),
                        Set.of("/fields/0/sensitive SENSITIVE_TYPE_UNSUPPORTED", "/fields/1/sensitive SENSITIVE_TYPE_UNSUPPORTED",
                                "/fields/2/sensitive SENSITIVE_TYPE_UNSUPPORTED")),
                Arguments.of("formulas that would store a sensitive value in clear",
                        form("{\"key\": \"acct\", \"type\": \"text\", \"sensitive\": true}",
                                "{\"key\": \"shout\", \"type\": \"formula\", \"expression\": \"UPPER(acct)\"}",
                                "{\"key\": \"lines\", \"type\": \"subtable\", \"fields\": [{\"key\": \"pay\", \"type\": \"money\","
                                        + " \"sensitive\": true}, {\"key\": \"twice\", \"type\": \"formula\", \"expression\": \"pay * 2\"}]}",
                                "{\"key\": \"total\", \"type\": \"formula\", \"expression\": \"SUM(lines.pay)\"}"),
                        Set.of("/fields/1/expression FORMULA_READS_SENSITIVE", "/fields/2/fields/1/expression FORMULA_READS_SENSITIVE",
                                "/fields/3/expression FORMULA_READS_SENSITIVE")),
                Arguments.of("a roll-up summing a sensitive field",
                        form("{\"key\": \"parent\", \"type\": \"reference\", \"target\": \"contract\"}",
                                "{\"key\": \"pay\", \"type\": \"money\", \"sensitive\": true}",
                                "{\"key\": \"paid\", \"type\": \"rollup\", \"source\": \"contract\", \"via\": \"parent\","
                                        + " \"aggregate\": \"sum\", \"field\": \"pay\"}"),
                        Set.of("/fields/2/field ROLLUP_FIELD_SENSITIVE")),
                Arguments.of("a formula that does not parse", form("{\"key\": \"a\", \"type\": \"formula\", \"expression\": \"1 +\"}"),
                        Set.of("/fields/0/expression EXPR_SYNTAX")),
                Arguments.of("a visibility condition that is not boolean",
                        form(text, "{\"key\": \"b\", \"type\": \"text\", \"visibleWhen\": \"name & 'x'\", \"readOnlyWhen\": \"1\"}"),
                        Set.of("/fields/1/visibleWhen EXPR_TYPE_MISMATCH", "/fields/1/readOnlyWhen EXPR_TYPE_MISMATCH")),
                Arguments.of("a validation rule that is not boolean and one using an unknown field",
                        formWithRules("[{\"type\": \"validation\", \"key\": \"r\", \"expression\": \"name\"},"
                                + "{\"type\": \"validation\", \"key\": \"s\", \"expression\": \"ghost > 1\"}]", text),
                        Set.of("/rules/0/expression EXPR_TYPE_MISMATCH", "/rules/1/expression EXPR_UNKNOWN_FIELD")),
                Arguments.of("a subtable formula reading a field of the parent",
                        form("{\"key\": \"rate\", \"type\": \"number\"}",
                                "{\"key\": \"lines\", \"type\": \"subtable\", \"fields\": [{\"key\": \"qty\", \"type\": \"number\"},"
                                        + "{\"key\": \"t\", \"type\": \"formula\", \"expression\": \"qty * rate\"}]}"),
                        Set.of("/fields/1/fields/1/expression EXPR_UNKNOWN_FIELD")),
                Arguments.of("defaults that do not fit their field",
                        form("{\"key\": \"stage\", \"type\": \"select\", \"options\": [{\"value\": \"a\"}], \"default\": \"b\"}",
                                "{\"key\": \"n\", \"type\": \"number\", \"default\": \"abc\"}",
                                "{\"key\": \"q\", \"type\": \"number\", \"integer\": true, \"min\": 1, \"default\": 0}",
                                "{\"key\": \"f\", \"type\": \"formula\", \"expression\": \"1\", \"default\": 1}",
                                "{\"key\": \"d\", \"type\": \"date\", \"default\": \"2024-02-30\"}",
                                "{\"key\": \"ok\", \"type\": \"boolean\", \"default\": false}"),
                        Set.of("/fields/0/default DEFAULT_INVALID", "/fields/1/default DEFAULT_INVALID",
                                "/fields/2/default DEFAULT_INVALID", "/fields/3/default DEFAULT_INVALID",
                                "/fields/4/default DEFAULT_INVALID")),
                Arguments.of("autonumber patterns that cannot number",
                        form("{\"key\": \"a\", \"type\": \"autonumber\", \"pattern\": \"A-{seq:0}\"}",
                                "{\"key\": \"b\", \"type\": \"autonumber\", \"pattern\": \"B-{seq:13}\"}",
                                "{\"key\": \"c\", \"type\": \"autonumber\", \"pattern\": \"C-{yyyy}\"}",
                                "{\"key\": \"d\", \"type\": \"autonumber\", \"pattern\": \"{seq:3}-{seq:4}\"}",
                                "{\"key\": \"e\", \"type\": \"autonumber\", \"pattern\": \"{DD}-{seq:3}\"}",
                                "{\"key\": \"f\", \"type\": \"autonumber\", \"pattern\": \"F-{seq:3}}\"}",
                                "{\"key\": \"g\", \"type\": \"autonumber\", \"pattern\": \"G{yyyy}{MM}-{seq:12}\"}"),
                        Set.of("/fields/0/pattern AUTONUMBER_PATTERN_INVALID", "/fields/1/pattern AUTONUMBER_PATTERN_INVALID",
                                "/fields/2/pattern AUTONUMBER_PATTERN_INVALID", "/fields/3/pattern AUTONUMBER_PATTERN_INVALID",
                                "/fields/4/pattern AUTONUMBER_PATTERN_INVALID", "/fields/5/pattern AUTONUMBER_PATTERN_INVALID")),
                Arguments.of("a unique field inside a subtable (its rows have no live/deleted state to be unique among)",
                        form("{\"key\": \"code\", \"type\": \"text\", \"unique\": true}",
                                "{\"key\": \"lines\", \"type\": \"subtable\", \"fields\": ["
                                        + "{\"key\": \"sku\", \"type\": \"text\", \"unique\": true}]}"),
                        Set.of("/fields/1/fields/0/unique UNIQUE_IN_SUBTABLE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    void reportsExactlyTheSemanticProblems(String description, String input, Set<String> expected) {
        FormCompilation compilation = FormCompiler.compile(json(input), contractCatalog());
        assertThat(found(compilation.problems())).isEqualTo(expected);
        assertThat(compilation.form()).isEmpty();
        assertThat(compilation.definition()).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"XS{yyyy}{MM}{dd}{seq:4}", "{dd}-{seq:1}", "HT{yyyy}{MM}{seq:4}",
            "PRD{seq:5}", "{yyyy}/{MM}/{dd}/{seq:12}", "{seq:3}-{dd}"})
    void acceptsAutonumberPatternsWithYearMonthAndDay(String pattern) {
        String input = form("{\"key\": \"no\", \"type\": \"autonumber\", \"pattern\": \"" + pattern + "\"}");
        assertThat(FormCompiler.compile(json(input), contractCatalog()).problems()).isEmpty();
    }

    @Test
    void acceptsAReferenceToItselfAndACountRollupWithoutField() {
        String input = "{\"schemaVersion\": 1, \"key\": \"contract\", \"fields\": ["
                + "{\"key\": \"parent\", \"type\": \"reference\", \"target\": \"contract\"},"
                + "{\"key\": \"plans\", \"type\": \"rollup\", \"source\": \"payment_plan\", \"via\": \"contract\", \"aggregate\": \"count\"},"
                + "{\"key\": \"owed\", \"type\": \"rollup\", \"source\": \"payment_plan\", \"via\": \"contract\", \"aggregate\": \"sum\", \"field\": \"outstanding\"}]}";
        assertThat(FormCompiler.compile(json(input), contractCatalog()).problems()).isEmpty();
    }

    @Test
    void aDefinitionWithManyProblemsReturnsAllOfThem() {
        // when
        FormCompilation compilation = FormCompiler.compile(
                definition("DefinitionReaderTest.reportsEveryProblemOfABrokenDefinition"), contractCatalog());

        // then: the reader's 27 problems and the roll-up's unknown source
        assertThat(found(compilation.problems())).hasSize(28)
                .contains("/fields/9/source ROLLUP_UNKNOWN_FORM", "/fields/7/type FIELD_TYPE_UNKNOWN",
                        "/rules/3/type RULE_TYPE_UNKNOWN");
        assertThat(compilation.hasErrors()).isTrue();
        assertThat(compilation.form()).isEmpty();
    }

    @Test
    void neverThrowsOnNothingOrOnAScalar() {
        assertThat(found(FormCompiler.compile(null, FormCatalog.EMPTY).problems())).containsExactly(" DEFINITION_NOT_OBJECT");
        assertThat(FormCompiler.compile(json("\"form\""), null).definition()).isEmpty();
        ObjectNode empty = Fixtures.JSON.createObjectNode();
        assertThat(FormCompiler.compile(empty, null).definition()).isPresent();
    }

    static String form(String... fields) {
        return "{\"schemaVersion\": 1, \"key\": \"contract\", \"fields\": [" + String.join(",", fields) + "]}";
    }

    static String formWithRules(String rules, String... fields) {
        return "{\"schemaVersion\": 1, \"key\": \"contract\", \"rules\": " + rules + ", \"fields\": ["
                + String.join(",", fields) + "]}";
    }
}
