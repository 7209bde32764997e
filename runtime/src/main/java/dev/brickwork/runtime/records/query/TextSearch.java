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
 * three characters on (decision 0028). Shorter text has no trigram: a q of one or two characters is looked up among
 * the one- and two-character pieces of the form's text fields (names, cities, titles; not long text, e-mail, phone or
 * options), which an index over {@code brickwork.short_grams} serves; a form without text fields is scanned.
 */
final class TextSearch {

    static final int MAX_LENGTH = 200;

    private final List<QueryField> fields;
    private final String text;
    /** one or two characters: the text fields' pieces are looked up, since there is no trigram to use */
    private final boolean byPieces;

    private TextSearch(List<QueryField> fields, String text, boolean byPieces) {
        this.fields = fields;
        this.text = text;
        this.byPieces = byPieces;
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
        boolean shortText = text.codePointCount(0, text.length()) <= ColumnType.SHORT_SEARCH;
        List<QueryField> shortFields = table.columns().stream()
                .filter(c -> ColumnType.shortSearched(c.field(), c.type())).map(QueryField::of).toList();
        if (shortText && !shortFields.isEmpty()) {
            return Optional.of(new TextSearch(shortFields, text, true));
        }
        List<QueryField> fields = table.columns().stream()
                .filter(c -> ColumnType.searched(c.field(), c.type()))
                .map(QueryField::of).toList();
        if (fields.isEmpty()) {
            complaints.add(QueryProblem.Q_INVALID, "/q", QueryCodes.Q_UNSUPPORTED, "This form has no text fields to search.");
            return Optional.empty();
        }
        return Optional.of(new TextSearch(fields, text, false));
    }

    /** What was searched for, normalized, for the cursor's query hash. */
    String text() {
        return text;
    }

    String render(String alias, Params params) {
        String pattern = params.add("%" + FilterSql.escapeLike(text) + "%");
        String substring = fields.stream().map(f -> alias + "." + f.quoted() + " ILIKE " + pattern + " ESCAPE '\\'")
                .collect(Collectors.joining(" OR ", "(", ")"));
        if (!byPieces) {
            return substring;
        }
        // The pieces (the index's own expression, TableObjects) let a rare text be found through the index; the
        // ILIKEs, which mean the same, are what a walk of many matches checks first, since they cost far less than
        // cutting every row into pieces, and their estimate joins the pieces' so a rare text looks rare.
        String piece = params.add(text);
        String pieces = fields.stream().map(f -> ColumnType.SHORT_GRAMS + "(" + alias + "." + f.quoted() + ") @> ARRAY[lower(" + piece + ")]")
                .collect(Collectors.joining(" OR ", "(", ")"));
        return "(" + pieces + " AND " + substring + ")";
    }
}
