package dev.brickwork.runtime.records.query;

import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.records.sql.FormTable;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Plans run against the real table: what comes back is what the same query computes over the same rows in Java. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ListQueriesDatabaseTest {

    static final String APP = "query_t";
    private static QueryData data;
    private static FormTable table;

    @Inject
    Pool pool;

    @Inject
    PublishedForms forms;

    @BeforeEach
    void publishAndFillOnce() {
        if (data != null) {
            return;
        }
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", Login.bearer(Login.admin())).build();
        try {
            Design.createApp(APP).statusCode(201);
            Design.publishDefinition(APP, "deal", QueryForms.DEAL);
        } finally {
            RestAssured.requestSpecification = null;
        }
        table = FormTable.of(forms.current(APP, "deal").await().indefinitely().orElseThrow());
        data = QueryData.insert(table.name());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("dev.brickwork.runtime.records.query.FilterCases#cases")
    void filtersAsJavaComputes(String name, String filter, java.util.function.Predicate<Map<String, Object>> expected) {
        List<UUID> ids = ids(page(new ListRequest(filter, null, null, "500", null, false, false)));

        assertThat(data.idsWhere(expected)).as("a case that tells something").isNotEmpty().hasSizeLessThan(data.live().size());
        assertThat(ids).containsExactlyInAnyOrderElementsOf(data.idsWhere(expected));
    }

    @ParameterizedTest(name = "sort={0}")
    @ValueSource(strings = {"", "title", "-title", "-amount,title", "hot,-due", "meeting", "-meeting", "-qty,stage",
            "owner,-createdAt", "createdAt", "approval,-updatedAt,title", "id", "due,hot,-title,qty,-amount", "-parent,rep", "-createdAt", "-amount", "updatedAt"})
    void sortsAndPagesThroughEverythingWithoutGapsOrRepeats(String sort) {
        String given = sort.isEmpty() ? null : sort;
        List<UUID> expected = QueryData.ordered(data.live(), given);

        assertThat(ids(page(new ListRequest(null, given, null, "500", null, false, false)))).containsExactlyElementsOf(expected);
        for (int size : new int[]{1, 7, 50}) {
            assertThat(readAll(new ListRequest(null, given, null, Integer.toString(size), null, false, false)))
                    .as("pages of %d", size).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void pagesThroughAFilteredSearchedRecycleBinToo() {
        String filter = "{\"or\": [{\"field\": \"title\", \"op\": \"isNull\", \"value\": true}, {\"field\": \"qty\", \"op\": \"gte\", \"value\": 5}]}";
        List<Map<String, Object>> matching = data.live().stream()
                .filter(r -> r.get("title") == null || r.get("qty") != null && (Long) r.get("qty") >= 5)
                .filter(r -> r.get("note") != null && ((String) r.get("note")).toLowerCase().contains("acme")).toList();

        assertThat(readAll(new ListRequest(filter, "-title,meeting", "AcMe", "3", null, false, false)))
                .isNotEmpty().containsExactlyElementsOf(QueryData.ordered(matching, "-title,meeting"));
        assertThat(readAll(new ListRequest(null, "hot", null, "4", null, false, true)))
                .hasSize(QueryData.ROWS / 10).containsExactlyElementsOf(QueryData.ordered(data.deleted(), "hot"));
    }

    @Test
    void countsEveryMatchWhateverThePage() {
        String filter = "{\"field\": \"stage\", \"op\": \"eq\", \"value\": \"signed\"}";
        ListPlan plan = plan(new ListRequest(filter, null, null, "5", null, true, false));

        long total = count(plan);

        assertThat(total).isEqualTo(data.idsWhere(r -> "signed".equals(r.get("stage"))).size()).isGreaterThan(5);
        assertThat(count(plan(new ListRequest(null, null, null, null, null, true, true))))
                .isEqualTo(QueryData.ROWS / 10);
    }

    @Test
    void countsExactlyUpToTheLimitAndOneMoreWhenThereAreMore() {
        String filter = "{\"field\": \"stage\", \"op\": \"eq\", \"value\": \"signed\"}";
        CountQueries count = plan(new ListRequest(filter, null, null, "5", null, true, false)).count().orElseThrow();
        long signed = data.idsWhere(r -> "signed".equals(r.get("stage"))).size();

        assertThat(run(count.upTo(signed)).get(0).getLong(0)).isEqualTo(signed);
        assertThat(run(count.upTo(signed - 1)).get(0).getLong(0)).isEqualTo(signed);
        assertThat(run(count.upTo(3)).get(0).getLong(0)).isEqualTo(4);
    }

    @Test
    void estimatesFromThePlanOfTheSamePredicates() {
        String filter = "{\"field\": \"stage\", \"op\": \"eq\", \"value\": \"signed\"}";
        CountQueries count = plan(new ListRequest(filter, null, "a", "5", null, true, false)).count().orElseThrow();

        List<Row> explained = run(count.estimate());

        assertThat(explained).hasSize(1);
        assertThat(CountQueries.estimatedRows(String.valueOf(explained.get(0).getValue(0)))).isBetween(0L, (long) QueryData.ROWS);
        assertThat(String.valueOf(explained.get(0).getValue(0))).contains("\"Plan Rows\"");
    }

    @Test
    void searchesTextFieldsCaseInsensitivelyAndLiterally() {
        assertThat(ids(page(new ListRequest(null, null, "acme", "500", null, false, false))))
                .containsExactlyInAnyOrderElementsOf(data.idsWhere(r -> r.get("note") != null && ((String) r.get("note")).toLowerCase().contains("acme")));
        assertThat(ids(page(new ListRequest(null, null, "50%", "500", null, false, false))))
                .containsExactlyInAnyOrderElementsOf(data.idsWhere(r -> r.get("note") != null && ((String) r.get("note")).contains("50%")));
        assertThat(ids(page(new ListRequest(null, null, "e_x", "500", null, false, false))))
                .containsExactlyInAnyOrderElementsOf(data.idsWhere(r -> "acme_x".equals(r.get("note"))));
        assertThat(ids(page(new ListRequest(null, null, "D-0001", "500", null, false, false)))).hasSize(10 - 1);
    }

    @Test
    void restrictsToTheScopeWithParametersNumberedAlongsideTheFilter() {
        ScopePredicate alicesOnly = (alias, params) -> alias + ".\"owner\" = " + params.add(QueryData.ALICE);
        String filter = "{\"field\": \"hot\", \"op\": \"eq\", \"value\": true}";

        ListPlan plan = ListQueries.plan(table, new ListRequest(filter, null, null, "500", null, true, false), Planning.CURSORS, alicesOnly);

        List<UUID> expected = data.idsWhere(r -> QueryData.ALICE.equals(r.get("owner")) && Boolean.TRUE.equals(r.get("hot")));
        assertThat(ids(run(plan.page()))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(count(plan)).isEqualTo(expected.size());
    }

    @Test
    void refusesARealCursorOnceTamperedWithOrReusedForAnotherQuery() {
        ListRequest first = new ListRequest("{\"field\": \"qty\", \"op\": \"gt\", \"value\": 0}", "-amount", null, "5", null, false, false);
        ListPlan plan = plan(first);
        String cursor = plan.nextCursor(run(plan.page()).get(4));
        plan(withCursor(first, cursor));

        char[] flipped = cursor.toCharArray();
        flipped[cursor.length() / 3] ^= 1;
        assertCursorInvalid(withCursor(first, new String(flipped)));
        assertCursorInvalid(withCursor(first, cursor.substring(0, cursor.length() - 2)));
        assertCursorInvalid(new ListRequest("{\"field\": \"qty\", \"op\": \"gt\", \"value\": 1}", "-amount", null, "5", cursor, false, false));
        assertCursorInvalid(new ListRequest(first.filter(), "amount", null, "5", cursor, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("dev.brickwork.runtime.records.query.NastyInputs#cases")
    void turnsInjectionAttemptsIntoProblemsOrNoMatches(String name, ListRequest request, int status) {
        if (status == 200) {
            assertThat(run(plan(request).page())).isEmpty();
        } else {
            ProblemException e = catchThrowableOfType(ProblemException.class, () -> plan(request));
            assertThat(e).as("refused").isNotNull();
            assertThat(e.type().status()).isEqualTo(status);
        }
        assertThat(count(plan(new ListRequest(null, null, null, "500", null, true, false))))
                .isEqualTo(data.live().size());
    }

    private void assertCursorInvalid(ListRequest request) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> plan(request));
        assertThat(e).isNotNull();
        assertThat(e.type()).isEqualTo(QueryProblem.CURSOR_INVALID);
    }

    private List<UUID> readAll(ListRequest request) {
        List<UUID> all = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages <= QueryData.ROWS + 1; pages++) {
            ListPlan plan = plan(withCursor(request, cursor));
            List<Row> rows = run(plan.page());
            all.addAll(ids(rows.subList(0, Math.min(plan.limit(), rows.size()))));
            if (!plan.hasNextPage(rows.size())) {
                return all;
            }
            cursor = plan.nextCursor(rows.get(plan.limit() - 1));
        }
        throw new AssertionError("Paging does not end");
    }

    private ListPlan plan(ListRequest request) {
        return ListQueries.plan(table, request, Planning.CURSORS, ScopePredicate.NONE);
    }

    private List<Row> page(ListRequest request) {
        ListPlan plan = plan(request);
        List<Row> rows = run(plan.page());
        assertThat(plan.hasNextPage(rows.size())).isFalse();
        return rows;
    }

    private long count(ListPlan plan) {
        return run(plan.count().orElseThrow().upTo(QueryData.ROWS)).get(0).getLong(0);
    }

    private List<Row> run(SqlQuery query) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(query.sql()).execute(Tuple.from(query.params())).await().indefinitely().forEach(rows::add);
        return rows;
    }

    private static List<UUID> ids(List<Row> rows) {
        return rows.stream().map(r -> r.getUUID("id")).toList();
    }

    private static ListRequest withCursor(ListRequest request, String cursor) {
        return new ListRequest(request.filter(), request.sort(), request.q(), request.limit(), cursor, request.count(), request.deleted());
    }
}
