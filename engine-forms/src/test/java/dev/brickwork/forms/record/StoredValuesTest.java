package dev.brickwork.forms.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.compile.FormCatalog;
import dev.brickwork.forms.compile.FormCompiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Stream;

import static dev.brickwork.forms.read.Fixtures.found;
import static dev.brickwork.forms.read.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form changes after records were stored: an option removed, a length lowered, a range, pattern or scale tightened,
 * a field made required. A value the record already holds stays readable and editable around: an edit of another
 * field never fails on it, while writing a value the field no longer takes is refused (decision 0014).
 */
class StoredValuesTest {

    private static final RecordValidator VALIDATOR = new RecordValidator(
            Clock.fixed(Instant.parse("2025-01-15T08:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);

    static Stream<Arguments> tightenedFields() {
        return Stream.of(
                Arguments.of("a select option removed", "{\"key\": \"v\", \"type\": \"select\", \"options\": [{\"value\": \"open\"}]}",
                        "\"lost\"", "\"gone\"", "FIELD_OPTION_UNKNOWN"),
                Arguments.of("a multiselect option removed",
                        "{\"key\": \"v\", \"type\": \"multiselect\", \"options\": [{\"value\": \"a\"}]}",
                        "[\"a\", \"b\"]", "[\"b\"]", "FIELD_OPTION_UNKNOWN"),
                Arguments.of("a max length lowered", "{\"key\": \"v\", \"type\": \"text\", \"maxLength\": 3}",
                        "\"longer\"", "\"longest\"", "FIELD_TOO_LONG"),
                Arguments.of("a pattern changed", "{\"key\": \"v\", \"type\": \"text\", \"pattern\": \"^[A-Z]+$\"}",
                        "\"ab-1\"", "\"cd-2\"", "FIELD_PATTERN_MISMATCH"),
                Arguments.of("a min raised", "{\"key\": \"v\", \"type\": \"number\", \"min\": 10}", "3", "4", "FIELD_BELOW_MIN"),
                Arguments.of("a max lowered", "{\"key\": \"v\", \"type\": \"money\", \"max\": \"10.00\"}",
                        "\"99.00\"", "\"98.00\"", "FIELD_ABOVE_MAX"),
                Arguments.of("a scale lowered", "{\"key\": \"v\", \"type\": \"number\", \"scale\": 1}", "\"1.25\"", "\"1.35\"",
                        "FIELD_SCALE"),
                Arguments.of("an option removed inside a subtable row",
                        "{\"key\": \"v\", \"type\": \"subtable\", \"fields\": [{\"key\": \"s\", \"type\": \"select\","
                                + " \"options\": [{\"value\": \"open\"}]}]}",
                        "[{\"id\": \"r1\", \"s\": \"lost\"}]", "[{\"id\": \"r1\", \"s\": \"gone\"}]", "FIELD_OPTION_UNKNOWN"));
    }

    @ParameterizedTest(name = "{0}: an edit of another field passes")
    @MethodSource("tightenedFields")
    void anEditOfAnotherFieldNeverFailsOnAValueItDidNotTouch(String change, String field, String held, String written,
                                                             String code) {
        CompiledForm form = form(field);
        ObjectNode stored = record(held);

        ObjectNode edited = stored.deepCopy().put("name", "renamed");

        assertThat(VALIDATOR.validate(form, edited, Set.of("name"), stored).problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: the held value sent back unchanged passes")
    @MethodSource("tightenedFields")
    void theValueTheRecordHoldsMayBeSentBackUnchanged(String change, String field, String held, String written, String code) {
        CompiledForm form = form(field);
        ObjectNode stored = record(held);

        assertThat(VALIDATOR.validate(form, stored.deepCopy(), Set.of("name", "v"), stored).problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: writing a value the field no longer takes is refused")
    @MethodSource("tightenedFields")
    void writingAValueTheFieldNoLongerTakesIsRefused(String change, String field, String held, String written, String code) {
        CompiledForm form = form(field);
        ObjectNode stored = record(held);

        ObjectNode edited = stored.deepCopy();
        edited.set("v", json(written));

        assertThat(found(VALIDATOR.validate(form, edited, Set.of("v"), stored).problems()))
                .singleElement().satisfies(problem -> assertThat(problem).startsWith("/fields/v").endsWith(" " + code));
        assertThat(found(VALIDATOR.validate(form, edited, null).problems())).hasSize(1);
    }

    @ParameterizedTest(name = "required added: {0}")
    @MethodSource("requiredCases")
    void aFieldMadeRequiredIsDemandedOnlyWhenTheWriteClearsOrRevealsIt(String description, String stored, String edited,
                                                                      Set<String> changed, Set<String> expected) {
        CompiledForm form = form("{\"key\": \"v\", \"type\": \"text\", \"required\": true, \"visibleWhen\": \"name <> 'hide'\"}");

        assertThat(found(VALIDATOR.validate(form, json(edited), changed, json(stored)).problems())).isEqualTo(expected);
    }

    static Stream<Arguments> requiredCases() {
        return Stream.of(
                Arguments.of("blank and left alone", "{\"name\": \"a\"}", "{\"name\": \"b\"}", Set.of("name"), Set.of()),
                Arguments.of("cleared by the write", "{\"name\": \"a\", \"v\": \"x\"}", "{\"name\": \"a\", \"v\": null}",
                        Set.of("v"), Set.of("/fields/v FIELD_REQUIRED")),
                Arguments.of("revealed by the write", "{\"name\": \"hide\"}", "{\"name\": \"show\"}", Set.of("name"),
                        Set.of("/fields/v FIELD_REQUIRED")));
    }

    private static ObjectNode record(String value) {
        ObjectNode record = (ObjectNode) json("{\"name\": \"a\"}");
        record.set("v", json(value));
        return record;
    }

    private static CompiledForm form(String field) {
        return FormCompiler.compile(json("{\"schemaVersion\": 1, \"key\": \"f\", \"fields\": [{\"key\": \"name\", \"type\": \"text\"}, "
                + field + "]}"), FormCatalog.EMPTY).form().orElseThrow();
    }
}
