package dev.brickwork.forms.read;

import org.junit.jupiter.api.Test;

import static dev.brickwork.forms.read.Fixtures.found;
import static dev.brickwork.forms.read.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

class LayoutReaderTest {

    private static DefinitionReading withLayout(String layout) {
        return DefinitionReader.read(json("""
                {"schemaVersion": 1, "key": "deal", "fields": [
                  {"key": "name", "type": "text"}, {"key": "amount", "type": "money"}, {"key": "stage", "type": "text"},
                  {"key": "lines", "type": "subtable", "fields": [{"key": "qty", "type": "number"}]}],
                 "layout": %s}""".formatted(layout)));
    }

    @Test
    void acceptsSectionsAndTabsOfRowsOnTheTwelveColumnGrid() {
        // when
        DefinitionReading reading = withLayout("""
                [{"label": {"en": "Deal", "zh-CN": "商机"}, "rows": [[{"field": "name", "width": 8}, {"field": "amount", "width": 4}]]},
                 {"label": "Lines", "tab": true, "rows": [[{"field": "lines"}]]}]""");

        // then: stage is not placed, which is allowed (it is shown after the placed fields)
        assertThat(reading.problems()).isEmpty();
    }

    @Test
    void locatesEveryProblemOfALayout() {
        // when
        DefinitionReading reading = withLayout("""
                [{"rows": [[{"field": "name", "width": 8}, {"field": "amount", "width": 6}],
                           [{"field": "name"}, {"field": "nope", "width": 2}],
                           [{"field": "qty", "width": 13, "colour": "red"}], []]},
                 {"tab": "yes", "rows": 3}, 7]""");

        // then
        assertThat(found(reading.problems())).containsExactlyInAnyOrder(
                "/layout/0/rows/0 LAYOUT_ROW_TOO_WIDE",
                "/layout/0/rows/1/0/field LAYOUT_FIELD_REPEATED",
                "/layout/0/rows/1 LAYOUT_ROW_TOO_WIDE",
                "/layout/0/rows/1/1/field LAYOUT_FIELD_UNKNOWN",
                "/layout/0/rows/2/0/field LAYOUT_FIELD_UNKNOWN",
                "/layout/0/rows/2/0/width PROPERTY_TYPE",
                "/layout/0/rows/2/0/colour PROPERTY_UNKNOWN",
                "/layout/0/rows/3 PROPERTY_TYPE",
                "/layout/1/tab PROPERTY_TYPE",
                "/layout/1/rows PROPERTY_TYPE",
                "/layout/2 PROPERTY_TYPE");
    }
}
