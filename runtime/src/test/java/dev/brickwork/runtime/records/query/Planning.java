package dev.brickwork.runtime.records.query;

import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.records.sql.FormTable;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Plans list calls on the test forms and reads what they refuse. */
final class Planning {

    static final CursorCodec CURSORS = new CursorCodec("query-tests-secret-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8));
    static final FormTable DEAL = QueryForms.table("query_u", QueryForms.DEAL);
    static final FormTable COUNTER = QueryForms.table("query_u", QueryForms.COUNTER);

    private Planning() {
    }

    static ListPlan plan(ListRequest request) {
        return ListQueries.plan(DEAL, request, CURSORS, ScopePredicate.NONE);
    }

    static ListPlan filter(String filter) {
        return plan(new ListRequest(filter, null, null, null, null, false, false));
    }

    static ListPlan sort(String sort) {
        return plan(new ListRequest(null, sort, null, null, null, false, false));
    }

    static ProblemException refused(ListRequest request) {
        return refused(DEAL, request);
    }

    static ProblemException refused(FormTable table, ListRequest request) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> ListQueries.plan(table, request, CURSORS, ScopePredicate.NONE));
        if (e == null) {
            throw new AssertionError("Expected the query to be refused: " + request);
        }
        return e;
    }

    static ProblemException refusedFilter(String filter) {
        return refused(new ListRequest(filter, null, null, null, null, false, false));
    }

    /** Each error as "pointer code". */
    static List<String> errors(ProblemException e) {
        return e.errors().stream().map(Planning::describe).toList();
    }

    static String describe(ProblemError error) {
        return error.pointer() + " " + error.code();
    }

    static void assertAccepted(ListRequest request) {
        plan(request);
    }

    static void assertRefused(ListRequest request) {
        assertThatThrownBy(() -> plan(request)).isInstanceOf(ProblemException.class);
    }

    /** {"field": f, "op": o, "value": v} with v as raw JSON (null: no value property). */
    static String condition(String field, String op, String valueJson) {
        return "{\"field\": \"" + field + "\", \"op\": \"" + op + "\"" + (valueJson == null ? "" : ", \"value\": " + valueJson) + "}";
    }
}
