package dev.brickwork.runtime.records.query;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The "after this row" predicate of keyset paging over an order whose NULLs sort as the greatest value (ascending
 * NULLS LAST, descending NULLS FIRST). For keys k1..kn and the last row's values v1..vn a row comes after when,
 * for some i, it equals v1..v(i-1) and comes after vi on ki. NULL-aware per key:
 * <ul>
 *   <li>ascending, v NULL: nothing comes after (NULLs are last); v set: {@code k > v OR k IS NULL}</li>
 *   <li>descending, v NULL: {@code k IS NOT NULL}; v set: {@code k < v}</li>
 *   <li>equal, v NULL: {@code k IS NULL}; v set: {@code k = v}</li>
 * </ul>
 * The last key is {@code id}, never NULL, so the order is total and pages neither repeat nor skip rows.
 *
 * <p>Where no NULL can come after the row, the same predicate is one row comparison, {@code (k1, .., id) > (v1, .., w)}
 * ({@code <} descending), which a b-tree on the keys starts its scan at instead of filtering every row before it
 * (decision 0028): every key in one direction, every value set, and ascending only over keys that are never NULL.
 */
final class Keyset {

    private Keyset() {
    }

    /** @param values the last row's bound values per term, null where the row has NULL */
    static String after(List<SortTerm> terms, List<Object> values, String alias, Params params) {
        if (oneComparison(terms, values)) {
            String columns = terms.stream().map(t -> alias + "." + t.field().quoted()).collect(Collectors.joining(", "));
            String bound = values.stream().map(params::add).collect(Collectors.joining(", "));
            return "(" + columns + ") " + (terms.get(0).descending() ? "<" : ">") + " (" + bound + ")";
        }
        List<String> placeholders = new ArrayList<>();
        for (Object value : values) {
            placeholders.add(value == null ? null : params.add(value));
        }
        List<String> disjuncts = new ArrayList<>();
        List<String> equalSoFar = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            SortTerm term = terms.get(i);
            String column = alias + "." + term.field().quoted();
            String value = placeholders.get(i);
            String after = after(column, term.descending(), term.field().nullable(), value);
            if (after != null) {
                List<String> conjuncts = new ArrayList<>(equalSoFar);
                conjuncts.add(after);
                disjuncts.add(conjuncts.size() == 1 ? conjuncts.get(0) : "(" + String.join(" AND ", conjuncts) + ")");
            }
            equalSoFar.add(value == null ? column + " IS NULL" : column + " = " + value);
        }
        return disjuncts.isEmpty() ? "FALSE" : "(" + String.join(" OR ", disjuncts) + ")";
    }

    private static boolean oneComparison(List<SortTerm> terms, List<Object> values) {
        boolean descending = terms.get(0).descending();
        for (int i = 0; i < terms.size(); i++) {
            SortTerm term = terms.get(i);
            if (term.descending() != descending || values.get(i) == null || !descending && term.field().nullable()) {
                return false;
            }
        }
        return true;
    }

    /** The rows after {@code value} on one key, or null when there are none. */
    private static String after(String column, boolean descending, boolean nullable, String value) {
        if (descending) {
            return value == null ? column + " IS NOT NULL" : column + " < " + value;
        }
        if (value == null) {
            return null;
        }
        return nullable ? "(" + column + " > " + value + " OR " + column + " IS NULL)" : column + " > " + value;
    }
}
