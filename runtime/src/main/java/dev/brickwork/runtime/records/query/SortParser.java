package dev.brickwork.runtime.records.query;

import dev.brickwork.designer.migration.ColumnType;
import dev.brickwork.runtime.records.sql.FormTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code sort=-amount,title} into the complete order: the terms given (at most five), then {@code id} as
 * the tiebreaker that makes the order total, in the direction of the last term; {@code -id} (newest first, the
 * primary key index) when nothing is given.
 */
final class SortParser {

    static final int MAX_TERMS = 5;

    private SortParser() {
    }

    static List<SortTerm> parse(String sort, FormTable table, Complaints complaints) {
        if (sort == null || sort.isEmpty()) {
            return List.of(new SortTerm(QueryField.ID, true));
        }
        String[] parts = sort.split(",", -1);
        if (parts.length > MAX_TERMS) {
            complaints.add(QueryProblem.SORT_INVALID, "/sort", QueryCodes.SORT_TOO_MANY_TERMS, "Sort by at most " + MAX_TERMS + " fields.");
            return List.of();
        }
        List<SortTerm> terms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String pointer = "/sort/" + i;
            boolean descending = parts[i].startsWith("-");
            String name = descending ? parts[i].substring(1) : parts[i];
            if (name.isEmpty()) {
                complaints.add(QueryProblem.SORT_INVALID, pointer, QueryCodes.SORT_TERM_EMPTY, "Expected a field name, optionally after -.");
                continue;
            }
            QueryField.Resolution resolution = QueryField.resolve(table, name);
            QueryField field = resolution.field();
            if (resolution.refusal() == QueryField.Refusal.UNKNOWN) {
                complaints.add(QueryProblem.SORT_INVALID, pointer, QueryCodes.SORT_FIELD_UNKNOWN, "No such field.");
            } else if (field == null || field.type() == ColumnType.TEXT_ARRAY || field.sensitive()) {
                complaints.add(QueryProblem.SORT_INVALID, pointer, QueryCodes.SORT_FIELD_NOT_SORTABLE,
                        "Subtables, multiselects, attachments and sensitive fields cannot be sorted by.");
            } else if (!seen.add(field.name())) {
                complaints.add(QueryProblem.SORT_INVALID, pointer, QueryCodes.SORT_TERM_DUPLICATE, "This field is already in the sort.");
            } else {
                terms.add(new SortTerm(field, descending));
            }
        }
        if (!seen.contains(QueryField.ID.name()) && !terms.isEmpty()) {
            terms.add(new SortTerm(QueryField.ID, terms.get(terms.size() - 1).descending()));
        }
        return terms;
    }
}
