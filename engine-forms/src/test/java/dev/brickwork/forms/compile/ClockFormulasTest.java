package dev.brickwork.forms.compile;

import org.junit.jupiter.api.Test;

import static dev.brickwork.forms.read.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Which formulas change with the day: those calling TODAY() or NOW(), and those reading them (decision 0020). */
class ClockFormulasTest {

    @Test
    void formulasReadingTheClockDirectlyOrThroughOtherFormulasAreKnownWithEveryFieldTheyRead() {
        // given
        String definition = """
                {"schemaVersion": 1, "key": "plan", "fields": [
                  {"key": "planned_date", "type": "date"}, {"key": "amount", "type": "money"}, {"key": "paid", "type": "money"},
                  {"key": "due", "type": "formula", "expression": "amount - paid"},
                  {"key": "bucket", "type": "formula", "expression": "IF(age > 30, '30+', '0-30')"},
                  {"key": "age", "type": "formula", "expression": "IF(due > 0, DAYS(TODAY(), planned_date), 0)"},
                  {"key": "stamp", "type": "formula", "expression": "YEAR(NOW())"},
                  {"key": "doubled", "type": "formula", "expression": "amount * 2"}]}""";

        // when
        CompiledForm form = FormCompiler.compile(json(definition), FormCatalog.EMPTY).form().orElseThrow();

        // then
        assertThat(form.clockFormulas()).containsExactly("age", "bucket", "stamp");
        assertThat(form.clockFormulaInputs()).containsExactlyInAnyOrder("age", "due", "amount", "paid", "planned_date");
    }
}
