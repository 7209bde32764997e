package dev.brickwork.runtime.records.query;

import dev.brickwork.designer.migration.ColumnType;
import dev.brickwork.runtime.records.sql.FormTable;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code q}: a case-insensitive substring of any of the form's text-like fields. Sensitive fields are encrypted at
 * rest and never searched. Leading and trailing blanks are dropped; a blank {@code q} searches nothing. Publish gives
 * every searched column a trigram index where pg_trgm is installed, so the ILIKEs are a BitmapOr of index scans from
 * three characters on (decision 0028); shorter text has no trigram and is a scan.
 */
final class TextSearch {

    static final int MAX_LENGTH = 200;

    private final List<QueryField> fields;
    private final String text;

    private TextSearch(List<QueryField> fields, String text) {
        this.fields = fields;
        this.text = text;
    }

    static Optional<TextSearch> parse(String q, FormTable table, Complaints complaints) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.length() > MAX_LENGTH) {
            complaints.add(QueryProblem.Q_INVALID, "/q", QueryCodes.Q_TOO_LONG, "Search for at most " + MAX_LENGTH + " characters.");
            return Optional.empty();
        }
        List<QueryField> fields = table.columns().stream()
                .filter(c -> ColumnType.searched(c.field(), c.type()))
                .map(QueryField::of).toList();
        if (fields.isEmpty()) {
            complaints.add(QueryProblem.Q_INVALID, "/q", QueryCodes.Q_UNSUPPORTED, "This form has no text fields to search.");
            return Optional.empty();
        }
        return Optional.of(new TextSearch(fields, text));
    }

    /** What was searched for, normalized, for the cursor's query hash. */
    String text() {
        return text;
    }

    String render(String alias, Params params) {
        String pattern = params.add("%" + FilterSql.escapeLike(text) + "%");
        return fields.stream().map(f -> alias + "." + f.quoted() + " ILIKE " + pattern + " ESCAPE '\\'")
                .collect(Collectors.joining(" OR ", "(", ")"));
    }
}
