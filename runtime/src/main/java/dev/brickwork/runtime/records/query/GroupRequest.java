package dev.brickwork.runtime.records.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST …/records/groups} read by hand: the select field to group by, the fields to sum, and the
 * list's {@code filter} and {@code q} (checked later against the form, by {@link GroupQueries}).
 *
 * @param sums the {@code sum} array as sent (missing when absent)
 */
public record GroupRequest(String groupBy, JsonNode sums, ListRequest list) {

    private static final Set<String> PROPERTIES = Set.of("groupBy", "sum", "filter", "q");

    public static GroupRequest read(JsonNode body) {
        List<ProblemError> errors = new ArrayList<>();
        if (!body.isObject()) {
            errors.add(ProblemError.of("", QueryCodes.QUERY_BODY_NOT_OBJECT, "A group query is a JSON object: groupBy, sum, filter, q."));
            throw invalid(errors);
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!PROPERTIES.contains(name)) {
                errors.add(ProblemError.of(JsonPointers.append("", name), QueryCodes.QUERY_PROPERTY_UNKNOWN,
                        "A group query has only groupBy, sum, filter and q."));
            }
        });
        JsonNode filter = body.path("filter");
        JsonNode q = body.path("q");
        if (!(filter.isMissingNode() || filter.isNull() || filter.isObject())) {
            errors.add(ProblemError.of("/filter", QueryCodes.QUERY_PROPERTY_TYPE, "filter is a filter object, or null."));
        }
        if (!(q.isMissingNode() || q.isNull() || q.isTextual())) {
            errors.add(ProblemError.of("/q", QueryCodes.QUERY_PROPERTY_TYPE, "q is text, or null."));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        ListRequest list = new ListRequest(null, null, q.asText(null), null, null, false, false, filter.isObject() ? filter : null);
        return new GroupRequest(body.path("groupBy").asText(null), body.path("sum"), list);
    }

    private static ProblemException invalid(List<ProblemError> errors) {
        return new ProblemException(CommonProblem.REQUEST_INVALID, "The group query is invalid.", errors);
    }
}
