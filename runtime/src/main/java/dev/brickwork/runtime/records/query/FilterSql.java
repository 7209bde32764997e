package dev.brickwork.runtime.records.query;

import dev.brickwork.forms.filter.FilterOp;
import dev.brickwork.designer.migration.ColumnType;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a validated {@link Filter} as an SQL boolean expression. Columns come quoted from the form's metadata,
 * operators from {@link FilterOp}, every value is a bind parameter.
 *
 * <p>Negations match NULL: {@code ne} is {@code IS DISTINCT FROM} and {@code nin} is "NULL or not in the list", so
 * "stage ne signed" also lists records without a stage, as a person reading the condition expects. Ordering
 * comparisons ({@code lt}, {@code between}, ...) never match NULL.
 */
final class FilterSql {

    private FilterSql() {
    }

    static String render(Filter filter, String alias, Params params) {
        if (filter instanceof Filter.Group group) {
            String joiner = group.any() ? " OR " : " AND ";
            return group.members().stream().map(m -> render(m, alias, params)).collect(Collectors.joining(joiner, "(", ")"));
        }
        Filter.Condition condition = (Filter.Condition) filter;
        String column = alias + "." + condition.field().quoted();
        return condition.field().type() == ColumnType.TEXT_ARRAY
                ? array(column, condition.op(), condition.value(), params)
                : scalar(column, condition.op(), condition.value(), params);
    }

    private static String scalar(String column, FilterOp op, Object value, Params params) {
        return switch (op) {
            case EQ -> column + " = " + params.add(value);
            case NE -> column + " IS DISTINCT FROM " + params.add(value);
            case LT -> column + " < " + params.add(value);
            case LTE -> column + " <= " + params.add(value);
            case GT -> column + " > " + params.add(value);
            case GTE -> column + " >= " + params.add(value);
            case IN -> column + " IN (" + placeholders(value, params) + ")";
            case NIN -> "(" + column + " IS NULL OR " + column + " NOT IN (" + placeholders(value, params) + "))";
            case CONTAINS -> column + " ILIKE " + params.add("%" + escapeLike((String) value) + "%") + " ESCAPE '\\'";
            case STARTS_WITH -> column + " ILIKE " + params.add(escapeLike((String) value) + "%") + " ESCAPE '\\'";
            case IS_NULL -> column + ((Boolean) value ? " IS NULL" : " IS NOT NULL");
            case BETWEEN -> {
                List<?> pair = (List<?>) value;
                yield column + " BETWEEN " + params.add(pair.get(0)) + " AND " + params.add(pair.get(1));
            }
        };
    }

    /** Multiselects: {@code eq} is the same set (any order), {@code in} overlaps, {@code contains} holds the value. */
    private static String array(String column, FilterOp op, Object value, Params params) {
        return switch (op) {
            case EQ -> sameSet(column, params.add(value));
            case NE -> "(" + column + " IS NULL OR NOT " + sameSet(column, params.add(value)) + ")";
            case IN -> column + " && " + params.add(value) + "::text[]";
            case NIN -> "(" + column + " IS NULL OR NOT (" + column + " && " + params.add(value) + "::text[]))";
            case CONTAINS -> column + " @> ARRAY[" + params.add(value) + "::text]";
            // an empty selection is stored as NULL or '{}'; both are "nothing selected"
            case IS_NULL -> (Boolean) value
                    ? "(" + column + " IS NULL OR cardinality(" + column + ") = 0)"
                    : "cardinality(" + column + ") > 0";
            default -> throw new IllegalStateException("Not an operator for multiselects: " + op);
        };
    }

    private static String sameSet(String column, String placeholder) {
        return "(" + column + " @> " + placeholder + "::text[] AND " + column + " <@ " + placeholder + "::text[])";
    }

    private static String placeholders(Object values, Params params) {
        return ((List<?>) values).stream().map(params::add).collect(Collectors.joining(", "));
    }

    /** Makes a user's text match literally inside a LIKE pattern. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
