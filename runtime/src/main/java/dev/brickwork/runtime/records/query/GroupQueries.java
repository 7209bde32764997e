package dev.brickwork.runtime.records.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.migration.SqlNames;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.runtime.records.sql.FormTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans {@code POST …/records/groups} (docs/spec.md §4 addition): the records a list with this filter and search would
 * give, counted per value of one select field, with sums of money and number fields per group — a kanban's column
 * heads. The same predicates as the list (deleted, the caller's scope, filter, q), so a head always agrees with the
 * cards under it.
 */
public final class GroupQueries {

    public static final int MAX_SUMS = 5;
    static final String GROUP_FIELD_INVALID = "GROUP_FIELD_INVALID";
    private static final Set<FieldType> GROUPED = Set.of(FieldType.SELECT);
    private static final Set<FieldType> SUMMED = Set.of(FieldType.MONEY, FieldType.NUMBER);

    private GroupQueries() {
    }

    /** The statement: one row per group value (null for records without one), its count, then each sum in order. */
    public static SqlQuery plan(FormTable table, String groupBy, JsonNode sums, ListRequest request, ScopePredicate extra) {
        Complaints complaints = new Complaints();
        QueryField group = field(table, groupBy, GROUPED, "/groupBy", "A kanban groups by a select field you may see.", complaints);
        List<QueryField> summed = new ArrayList<>();
        if (sums != null && !sums.isMissingNode() && !sums.isNull()) {
            if (!sums.isArray() || sums.size() > MAX_SUMS) {
                complaints.add(QueryProblem.QUERY_INVALID, "/sum", QueryCodes.QUERY_PROPERTY_TYPE,
                        "sum is an array of at most " + MAX_SUMS + " money or number fields.");
            } else {
                for (int i = 0; i < sums.size(); i++) {
                    Optional.ofNullable(field(table, sums.get(i).asText(""), SUMMED, "/sum/" + i,
                            "Only money and number fields you may see are summed.", complaints)).ifPresent(summed::add);
                }
            }
        }
        Optional<Filter> filter = FilterParser.parse(request, table, complaints);
        Optional<TextSearch> search = TextSearch.parse(request.q(), table, complaints);
        complaints.throwIfAny();

        String alias = ListQueries.ALIAS;
        Params params = new Params();
        List<String> predicates = new ArrayList<>();
        predicates.add(alias + "." + SqlNames.quote("deleted_at") + " IS NULL");
        Optional.ofNullable(extra.sql(alias, params)).ifPresent(sql -> predicates.add("(" + sql + ")"));
        filter.ifPresent(f -> predicates.add(FilterSql.render(f, alias, params)));
        search.ifPresent(s -> predicates.add(s.render(alias, params)));
        StringBuilder select = new StringBuilder("SELECT " + alias + "." + group.quoted() + "::text, count(*)");
        summed.forEach(f -> select.append(", sum(").append(alias).append(".").append(f.quoted()).append(")::text"));
        return new SqlQuery(select + " FROM " + table.qualified() + " " + alias + " WHERE " + String.join(" AND ", predicates)
                + " GROUP BY 1", params.values());
    }

    private static QueryField field(FormTable table, String name, Set<FieldType> types, String pointer, String message,
                                    Complaints complaints) {
        QueryField.Resolution found = QueryField.resolve(table, name == null ? "" : name);
        if (found.field() == null || found.field().sensitive() || !types.contains(found.field().fieldType())) {
            complaints.add(QueryProblem.QUERY_INVALID, pointer, GROUP_FIELD_INVALID, message);
            return null;
        }
        return found.field();
    }
}
