package dev.brickwork.forms.compile;

import dev.brickwork.forms.model.FormDefinition;
import dev.brickwork.forms.model.RuleDefinition;
import dev.brickwork.forms.read.DefinitionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static dev.brickwork.forms.read.Fixtures.found;
import static dev.brickwork.forms.read.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A duplicate rule's {@code also}: read, checked against the app's other forms, located where it was written. */
class DuplicateAlsoTest {

    private static final String LEAD_FIELDS = "[{\"key\": \"name\", \"type\": \"text\"},"
            + " {\"key\": \"company_name\", \"type\": \"text\"}, {\"key\": \"mobile\", \"type\": \"phone\"},"
            + " {\"key\": \"email\", \"type\": \"email\"}, {\"key\": \"score\", \"type\": \"number\"},"
            + " {\"key\": \"secret\", \"type\": \"text\", \"sensitive\": true}]";

    private static final FormCatalog CATALOG = catalog(
            "{\"schemaVersion\": 1, \"key\": \"contact\", \"fields\": [{\"key\": \"name\", \"type\": \"text\"},"
                    + " {\"key\": \"mobile\", \"type\": \"phone\"}, {\"key\": \"birthday\", \"type\": \"date\"},"
                    + " {\"key\": \"secret\", \"type\": \"text\", \"sensitive\": true}, {\"key\": \"plain\", \"type\": \"text\"},"
                    + " {\"key\": \"shout\", \"type\": \"formula\", \"expression\": \"UPPER(name)\"}]}",
            "{\"schemaVersion\": 1, \"key\": \"customer\", \"fields\": [{\"key\": \"name\", \"type\": \"text\"}]}");

    @Test
    void aRuleComparingLeadsWithContactsAndCustomersCompilesWithItsMappingsInTheRulesFieldOrder() {
        // given
        String rules = "[{\"type\": \"duplicate\", \"key\": \"same_company\", \"fields\": [\"company_name\", \"name\"],"
                + " \"normalize\": {\"company_name\": \"company\", \"name\": \"text\"}, \"action\": \"warn\","
                + " \"also\": [{\"form\": \"customer\", \"fields\": {\"name\": \"name\", \"company_name\": \"name\"}}]},"
                + " {\"type\": \"duplicate\", \"key\": \"same_mobile\", \"fields\": [\"mobile\"], \"normalize\": {\"mobile\": \"phone\"},"
                + " \"also\": [{\"form\": \"contact\", \"fields\": {\"mobile\": \"mobile\"}}]}]";

        // when
        FormCompilation compilation = FormCompiler.compile(json(lead(rules)), CATALOG);

        // then
        assertThat(compilation.problems()).isEmpty();
        List<RuleDefinition> compiled = compilation.form().orElseThrow().definition().rules();
        RuleDefinition.Duplicate company = (RuleDefinition.Duplicate) compiled.get(0);
        assertThat(company.also()).hasSize(1);
        assertThat(company.also().get(0).form()).isEqualTo("customer");
        assertThat(company.also().get(0).fields().keySet()).containsExactly("company_name", "name");
        assertThat(((RuleDefinition.Duplicate) compiled.get(1)).also().get(0).fields()).isEqualTo(Map.of("mobile", "mobile"));
    }

    static Stream<Arguments> badAlsos() {
        return Stream.of(
                Arguments.of("a form the app does not have",
                        "[{\"form\": \"supplier\", \"fields\": {\"mobile\": \"mobile\"}}]",
                        Set.of("/rules/0/also/0/form DUPLICATE_ALSO_UNKNOWN_FORM")),
                Arguments.of("the rule's own form",
                        "[{\"form\": \"lead\", \"fields\": {\"mobile\": \"mobile\"}}]",
                        Set.of("/rules/0/also/0/form DUPLICATE_ALSO_UNKNOWN_FORM")),
                Arguments.of("a field the other form does not have, and a formula of it",
                        "[{\"form\": \"contact\", \"fields\": {\"mobile\": \"phone\"}}, {\"form\": \"customer\", \"fields\": {\"mobile\": \"name\"}}]",
                        Set.of("/rules/0/also/0/fields/mobile DUPLICATE_ALSO_FIELD_UNKNOWN")),
                Arguments.of("a field stored as another type",
                        "[{\"form\": \"contact\", \"fields\": {\"mobile\": \"birthday\"}}]",
                        Set.of("/rules/0/also/0/fields/mobile DUPLICATE_ALSO_TYPE_MISMATCH")),
                Arguments.of("a field of the rule left unmapped",
                        "[{\"form\": \"contact\", \"fields\": {}}]",
                        Set.of("/rules/0/also/0/fields DUPLICATE_ALSO_UNMAPPED")),
                Arguments.of("a mapping for a field the rule does not compare, and a key that is not a string",
                        "[{\"form\": \"contact\", \"fields\": {\"mobile\": \"mobile\", \"email\": \"name\"}},"
                                + " {\"form\": \"customer\", \"fields\": {\"mobile\": 7}}]",
                        Set.of("/rules/0/also/0/fields/email RULE_FIELD_INVALID", "/rules/0/also/1/fields/mobile PROPERTY_TYPE",
                                "/rules/0/also/1/fields DUPLICATE_ALSO_UNMAPPED")),
                Arguments.of("the same form twice, an entry that is not an object and an unknown property",
                        "[{\"form\": \"contact\", \"fields\": {\"mobile\": \"mobile\"}}, {\"form\": \"contact\", \"fields\": {\"mobile\": \"mobile\"}},"
                                + " 3, {\"form\": \"customer\", \"fields\": {\"mobile\": \"name\"}, \"when\": \"x\"}]",
                        Set.of("/rules/0/also/1/form PROPERTY_VALUE_INVALID", "/rules/0/also/2 PROPERTY_TYPE",
                                "/rules/0/also/3/when PROPERTY_UNKNOWN")),
                Arguments.of("'also' that is not an array", "{\"form\": \"contact\"}", Set.of("/rules/0/also PROPERTY_TYPE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAlsos")
    void anAlsoThatCannotBeComparedIsALocatedProblem(String description, String also, Set<String> expected) {
        // given
        String rules = "[{\"type\": \"duplicate\", \"key\": \"same_mobile\", \"fields\": [\"mobile\"],"
                + " \"normalize\": {\"mobile\": \"phone\"}, \"also\": " + also + "}]";

        // when
        FormCompilation compilation = FormCompiler.compile(json(lead(rules)), CATALOG);

        // then
        assertThat(found(compilation.problems())).isEqualTo(expected);
        assertThat(compilation.form()).isEmpty();
    }

    @Test
    void aSensitiveFieldComparesOnlyWithASensitiveFieldOfTheSameType() {
        // given
        String rules = "[{\"type\": \"duplicate\", \"key\": \"same_secret\", \"fields\": [\"secret\"],"
                + " \"also\": [{\"form\": \"contact\", \"fields\": {\"secret\": \"plain\"}}]},"
                + " {\"type\": \"duplicate\", \"key\": \"same_name\", \"fields\": [\"name\"],"
                + " \"also\": [{\"form\": \"contact\", \"fields\": {\"name\": \"secret\"}}]},"
                + " {\"type\": \"duplicate\", \"key\": \"secret_ok\", \"fields\": [\"secret\"],"
                + " \"also\": [{\"form\": \"contact\", \"fields\": {\"secret\": \"secret\"}}]}]";

        // when
        FormCompilation compilation = FormCompiler.compile(json(lead(rules)), CATALOG);

        // then
        assertThat(found(compilation.problems())).containsExactlyInAnyOrder(
                "/rules/0/also/0/fields/secret DUPLICATE_ALSO_TYPE_MISMATCH",
                "/rules/1/also/0/fields/name DUPLICATE_ALSO_TYPE_MISMATCH");
    }

    private static String lead(String rules) {
        return "{\"schemaVersion\": 1, \"key\": \"lead\", \"fields\": " + LEAD_FIELDS + ", \"rules\": " + rules + "}";
    }

    private static FormCatalog catalog(String... definitions) {
        Map<String, FormDefinition> forms = new java.util.HashMap<>();
        for (String definition : definitions) {
            FormDefinition form = DefinitionReader.read(json(definition)).definition().orElseThrow();
            forms.put(form.key(), form);
        }
        return key -> Optional.ofNullable(forms.get(key));
    }
}
