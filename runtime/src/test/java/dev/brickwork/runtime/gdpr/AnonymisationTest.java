package dev.brickwork.runtime.gdpr;

import dev.brickwork.forms.compile.FormCatalog;
import dev.brickwork.forms.compile.FormCompiler;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.runtime.records.sql.FormTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class AnonymisationTest {

    private static final UUID ROW = UUID.fromString("0192f6c8-0000-7000-8000-000000000001");

    /** One field of the given JSON, stored with a value: what does erasing set? ("-" = left alone, "null" = cleared) */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"key\": \"f\", \"type\": \"text\"}                                          | null",
            "{\"key\": \"f\", \"type\": \"text\", \"required\": true}                      | [erased]",
            "{\"key\": \"f\", \"type\": \"textarea\", \"required\": true}                  | [erased]",
            "{\"key\": \"f\", \"type\": \"text\", \"required\": true, \"unique\": true}    | [erased 0192f6c8-0000-7000-8000-000000000001]",
            "{\"key\": \"f\", \"type\": \"email\", \"required\": true}                     | null",
            "{\"key\": \"f\", \"type\": \"phone\"}                                         | null",
            "{\"key\": \"f\", \"type\": \"url\"}                                           | null",
            "{\"key\": \"f\", \"type\": \"text\", \"required\": true, \"sensitive\": true}  | null",
            "{\"key\": \"f\", \"type\": \"money\", \"sensitive\": true}                    | null",
            "{\"key\": \"f\", \"type\": \"money\"}                                         | -",
            "{\"key\": \"f\", \"type\": \"date\"}                                          | -",
            "{\"key\": \"f\", \"type\": \"select\", \"options\": [{\"value\": \"a\", \"label\": \"A\"}]} | -",
            "{\"key\": \"f\", \"type\": \"autonumber\", \"pattern\": \"C-{seq:4}\"}        | -",
            "{\"key\": \"f\", \"type\": \"formula\", \"expression\": \"'x'\"}              | null",
            "{\"key\": \"f\", \"type\": \"formula\", \"expression\": \"1 + 1\"}            | -"})
    void decidesWhatEachKindOfFieldBecomes(String field, String expected) {
        FormTable table = table("[" + field + "]", "[]");

        Anonymisation.Plan plan = Anonymisation.of(table, ROW, stored(Map.of("f", "stored", "_h_f", "hash")), List.of("id", "f"));

        if (expected.equals("-")) {
            assertThat(plan.isEmpty()).isTrue();
            assertThat(plan.fields()).isEmpty();
        } else {
            assertThat(plan.assignments()).containsEntry("\"f\"", expected.equals("null") ? null : expected);
            assertThat(plan.fields()).containsExactly("f");
        }
    }

    @Test
    void clearsTheEqualityHashWithASensitiveValue() {
        FormTable table = table("[{\"key\": \"f\", \"type\": \"text\", \"sensitive\": true}]", "[]");

        Anonymisation.Plan plan = Anonymisation.of(table, ROW, stored(Map.of("f", "cipher", "_h_f", "hash")), List.of("f", "_h_f"));

        assertThat(plan.assignments()).containsOnly(entry("\"_h_f\"", null), entry("\"f\"", null));
    }

    @Test
    void plansNothingForAnErasedRow() {
        FormTable table = table("[{\"key\": \"name\", \"type\": \"text\", \"required\": true},"
                + " {\"key\": \"email\", \"type\": \"email\"}, {\"key\": \"secret\", \"type\": \"text\", \"sensitive\": true}]", "[]");

        Anonymisation.Plan plan = Anonymisation.of(table, ROW, stored(Map.of("name", "[erased]")), List.of("name", "email"));

        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void givesARowItsOwnPlaceholderWhereABlockingDuplicateRuleCoversTheField() {
        FormTable table = table("[{\"key\": \"name\", \"type\": \"text\", \"required\": true}]",
                "[{\"type\": \"duplicate\", \"key\": \"same_name\", \"fields\": [\"name\"], \"action\": \"block\"}]");

        Anonymisation.Plan plan = Anonymisation.of(table, ROW, stored(Map.of("name", "Ada")), List.of("name"));

        assertThat(plan.assignments()).containsEntry("\"name\"", "[erased " + ROW + "]");
    }

    @Test
    void clearsSetAsideColumnsOfRemovedFieldsThatHoldAValue() {
        FormTable table = table("[{\"key\": \"score\", \"type\": \"number\"}]", "[]");

        Anonymisation.Plan plan = Anonymisation.of(table, ROW, stored(Map.of("_removed_v2_email", "old@example.org")),
                List.of("id", "score", "_removed_v2_email", "_removed_v3_phone"));

        assertThat(plan.assignments()).containsOnly(entry("\"_removed_v2_email\"", null));
        assertThat(plan.setAside()).isEqualTo(1);
        assertThat(plan.fields()).isEmpty();
    }

    private static FormTable table(String fields, String rules) {
        String definition = "{\"schemaVersion\": 1, \"key\": \"person\", \"fields\": " + fields + ", \"rules\": " + rules + "}";
        var compilation = FormCompiler.compile(JsonBodies.parse(definition), FormCatalog.EMPTY);
        assertThat(compilation.problems()).as("the fixture compiles").filteredOn(p -> p.isError()).isEmpty();
        return FormTable.of("t", compilation.form().orElseThrow(), 1);
    }

    private static java.util.function.Function<String, Object> stored(Map<String, Object> values) {
        Map<String, Object> row = new HashMap<>(values);
        return row::get;
    }
}
