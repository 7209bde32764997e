package dev.brickwork.runtime.records.query;

import dev.brickwork.forms.compile.FormCatalog;
import dev.brickwork.forms.compile.FormCompilation;
import dev.brickwork.forms.compile.FormCompiler;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.runtime.records.sql.FormTable;

/** The forms the query tests list: one field of every type, and one without text to search. */
final class QueryForms {

    /** A deal: one field of each type, NULLs allowed everywhere. */
    static final String DEAL = """
            {"schemaVersion": 1, "key": "deal", "label": "Deal", "titleField": "title",
             "fields": [
               {"key": "code", "type": "autonumber", "pattern": "D-{seq:5}"},
               {"key": "title", "type": "text", "maxLength": 200},
               {"key": "note", "type": "textarea"},
               {"key": "email", "type": "email"},
               {"key": "stage", "type": "select", "options": [{"value": "draft", "label": "Draft"},
                 {"value": "signed", "label": "Signed"}, {"value": "lost", "label": "Lost"}]},
               {"key": "tags", "type": "multiselect", "options": [{"value": "red", "label": "Red"},
                 {"value": "green", "label": "Green"}, {"value": "blue", "label": "Blue"}]},
               {"key": "qty", "type": "number", "integer": true},
               {"key": "amount", "type": "money", "currency": "CNY"},
               {"key": "hot", "type": "boolean"},
               {"key": "due", "type": "date"},
               {"key": "meeting", "type": "datetime"},
               {"key": "parent", "type": "reference", "target": "deal"},
               {"key": "rep", "type": "user"},
               {"key": "files", "type": "attachment"},
               {"key": "secret", "type": "text", "sensitive": true},
               {"key": "lines", "type": "subtable", "fields": [{"key": "product", "type": "text"}]}
             ]}
            """;

    /** Nothing to search with {@code q}. */
    static final String COUNTER = """
            {"schemaVersion": 1, "key": "counter", "label": "Counter",
             "fields": [{"key": "n", "type": "number", "integer": true}, {"key": "day", "type": "date"}]}
            """;

    private QueryForms() {
    }

    static FormTable table(String appKey, String definition) {
        FormCompilation compilation = FormCompiler.compile(JsonBodies.parse(definition), FormCatalog.EMPTY);
        if (compilation.hasErrors()) {
            throw new IllegalStateException("Fixture does not compile: " + compilation.problems());
        }
        return FormTable.of(appKey, compilation.form().orElseThrow(), 1);
    }
}
