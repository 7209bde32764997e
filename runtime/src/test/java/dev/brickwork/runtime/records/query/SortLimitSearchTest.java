package dev.brickwork.runtime.records.query;

import dev.brickwork.platform.http.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.brickwork.runtime.records.query.Planning.errors;
import static dev.brickwork.runtime.records.query.Planning.plan;
import static dev.brickwork.runtime.records.query.Planning.refused;
import static dev.brickwork.runtime.records.query.Planning.sort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortLimitSearchTest {

    @ParameterizedTest(name = "sort={0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL                  | r.\"id\" DESC NULLS FIRST",
            "''                    | r.\"id\" DESC NULLS FIRST",
            "id                    | r.\"id\" ASC NULLS LAST",
            "-id                   | r.\"id\" DESC NULLS FIRST",
            "title                 | r.\"title\" ASC NULLS LAST, r.\"id\" ASC NULLS LAST",
            "-title                | r.\"title\" DESC NULLS FIRST, r.\"id\" DESC NULLS FIRST",
            "-amount,title         | r.\"amount\" DESC NULLS FIRST, r.\"title\" ASC NULLS LAST, r.\"id\" ASC NULLS LAST",
            "title,-createdAt      | r.\"title\" ASC NULLS LAST, r.\"created_at\" DESC NULLS FIRST, r.\"id\" DESC NULLS FIRST",
            "-id,title             | r.\"id\" DESC NULLS FIRST, r.\"title\" ASC NULLS LAST",
            "hot,due,meeting,qty,owner | r.\"hot\" ASC NULLS LAST, r.\"due\" ASC NULLS LAST, r.\"meeting\" ASC NULLS LAST, r.\"qty\" ASC NULLS LAST, r.\"owner\" ASC NULLS LAST, r.\"id\" ASC NULLS LAST",
    })
    void ordersByTheTermsThenById(String sort, String orderBy) {
        assertThat(sort(sort).page().sql()).endsWith(" ORDER BY " + orderBy + " LIMIT 51");
    }

    @ParameterizedTest(name = "sort={0}")
    @CsvSource(delimiter = '|', value = {
            "nope                   | /sort/0 SORT_FIELD_UNKNOWN",
            "title,-nope            | /sort/1 SORT_FIELD_UNKNOWN",
            "created_at             | /sort/0 SORT_FIELD_UNKNOWN",
            "+title                 | /sort/0 SORT_FIELD_UNKNOWN",
            "' title'               | /sort/0 SORT_FIELD_UNKNOWN",
            "tags                   | /sort/0 SORT_FIELD_NOT_SORTABLE",
            "files                  | /sort/0 SORT_FIELD_NOT_SORTABLE",
            "lines                  | /sort/0 SORT_FIELD_NOT_SORTABLE",
            "-secret                | /sort/0 SORT_FIELD_NOT_SORTABLE",
            "title,-title           | /sort/1 SORT_TERM_DUPLICATE",
            "title,,qty             | /sort/1 SORT_TERM_EMPTY",
            "-                      | /sort/0 SORT_TERM_EMPTY",
            "title,                 | /sort/1 SORT_TERM_EMPTY",
            "a,b,c,d,e,f            | /sort SORT_TOO_MANY_TERMS",
            "title,qty,hot,due,meeting,amount | /sort SORT_TOO_MANY_TERMS",
    })
    void refusesBadSortTerms(String sort, String error) {
        ProblemException e = refused(new ListRequest(null, sort, null, null, null, false, false));

        assertThat(e.type()).isEqualTo(QueryProblem.SORT_INVALID);
        assertThat(errors(e)).containsExactly(error);
    }

    @ParameterizedTest(name = "limit={0}")
    @CsvSource(nullValues = "NULL", value = {"NULL, 50", "'', 50", "1, 1", "50, 50", "500, 500", "007, 7"})
    void fetchesOneRowMoreThanTheLimit(String limit, int expected) {
        ListPlan plan = plan(new ListRequest(null, null, null, limit, null, false, false));

        assertThat(plan.limit()).isEqualTo(expected);
        assertThat(plan.page().sql()).endsWith(" LIMIT " + (expected + 1));
        assertThat(plan.hasNextPage(expected)).isFalse();
        assertThat(plan.hasNextPage(expected + 1)).isTrue();
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "501", "-1", "abc", "1.5", "+5", " 5", "5 ", "99999999999", "1e2", "５"})
    void refusesLimitsOutsideOneToFiveHundred(String limit) {
        ProblemException e = refused(new ListRequest(null, null, null, limit, null, false, false));

        assertThat(e.type()).isEqualTo(QueryProblem.LIMIT_INVALID);
        assertThat(errors(e)).containsExactly("/limit LIMIT_INVALID");
    }

    @Test
    void searchesEveryTextLikeFieldButTheSensitiveOne() {
        ListPlan plan = plan(new ListRequest(null, null, "  Acme_50%  ", null, null, false, false));

        assertThat(plan.page().sql()).contains("(r.\"code\" ILIKE $1 ESCAPE '\\' OR r.\"title\" ILIKE $1 ESCAPE '\\'"
                + " OR r.\"note\" ILIKE $1 ESCAPE '\\' OR r.\"email\" ILIKE $1 ESCAPE '\\' OR r.\"stage\" ILIKE $1 ESCAPE '\\')");
        String where = plan.page().sql().substring(plan.page().sql().indexOf(" WHERE "));
        assertThat(where).doesNotContain("secret");
        assertThat(plan.page().params()).containsExactly("%Acme\\_50\\%%");
    }

    @Test
    void searchesOneOrTwoCharactersInTheTextFieldsPieces() {
        ListPlan plan = plan(new ListRequest(null, null, " 远航 ", null, null, false, false));

        // the text fields only (title; the sensitive one never), by their pieces and, meaning the same, by ILIKE
        assertThat(plan.page().sql()).contains("((brickwork.short_grams(r.\"title\") @> ARRAY[lower($2)])"
                + " AND (r.\"title\" ILIKE $1 ESCAPE '\\'))");
        assertThat(plan.page().sql()).doesNotContain("r.\"note\" ILIKE").doesNotContain("secret\" ILIKE");
        assertThat(plan.page().params()).containsExactly("%远航%", "远航");
        assertThat(plan(new ListRequest(null, null, "远航科", null, null, false, false)).page().sql())
                .doesNotContain("short_grams").contains("r.\"note\" ILIKE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void ignoresABlankSearch(String q) {
        assertThat(plan(new ListRequest(null, null, q, null, null, false, false)).page().sql()).doesNotContain("ILIKE");
    }

    @Test
    void searchesAtMostTwoHundredCharacters() {
        assertThat(plan(new ListRequest(null, null, "x".repeat(200), null, null, false, false)).page().params()).hasSize(1);

        ProblemException e = refused(new ListRequest(null, null, "x".repeat(201), null, null, false, false));
        assertThat(e.type()).isEqualTo(QueryProblem.Q_INVALID);
        assertThat(errors(e)).containsExactly("/q Q_TOO_LONG");
    }

    @Test
    void refusesToSearchAFormWithoutTextFields() {
        ProblemException e = refused(Planning.COUNTER, new ListRequest(null, null, "x", null, null, false, false));

        assertThat(errors(e)).containsExactly("/q Q_UNSUPPORTED");
    }

    @Test
    void listsLiveRecordsOrTheRecycleBin() {
        assertThat(plan(ListRequest.firstPage()).page().sql())
                .startsWith("SELECT r.id, r.version, r.owner, r.created_by, r.created_at, r.updated_at, r.deleted_at, r.approval, r.")
                .contains(" FROM \"app_query_u\".\"deal\" /* v1 */ r WHERE r.\"deleted_at\" IS NULL ORDER BY");
        assertThat(plan(new ListRequest(null, null, null, null, null, false, true)).page().sql())
                .contains("WHERE r.\"deleted_at\" IS NOT NULL ORDER BY");
    }

    @Test
    void countsWithTheSamePredicatesButNoPaging() {
        ListPlan plan = plan(new ListRequest("{\"field\": \"qty\", \"op\": \"gt\", \"value\": 3}", "-qty", "abc", "10", null, true, false));
        String from = " FROM \"app_query_u\".\"deal\" /* v1 */ r WHERE r.\"deleted_at\" IS NULL AND r.\"qty\" > $1 AND "
                + plan.page().sql().substring(plan.page().sql().indexOf("(r.\"code\""), plan.page().sql().indexOf(" ORDER BY"));

        assertThat(plan.count()).isPresent();
        assertThat(plan.count().get().upTo(10_000).sql()).isEqualTo("SELECT count(*) FROM (SELECT 1" + from + " LIMIT 10001) matches");
        assertThat(plan.count().get().estimate().sql()).isEqualTo("EXPLAIN (FORMAT JSON) SELECT 1" + from);
        assertThat(plan.count().get().params()).isEqualTo(plan.page().params());
        assertThat(plan(ListRequest.firstPage()).count()).isEmpty();
    }

    @ParameterizedTest(name = "capped {0}, limit {1}, estimate {2}: {3} estimated {4}")
    @CsvSource({
            "0, 10000, 0, 0, false",
            "10000, 10000, 3, 10000, false",
            "10001, 10000, 3, 10001, true",
            "10001, 10000, 987654, 987654, true",
            "6, 5, 5, 6, true"})
    void showsTheExactCountUpToTheLimitAndNeverLessThanItPast(long capped, long limit, long estimate, long total,
                                                               boolean estimated) {
        assertThat(CountQueries.total(capped, limit, estimate)).isEqualTo(new CountQueries.Total(total, estimated));
    }

    @Test
    void readsThePlannersRowEstimate() {
        assertThat(CountQueries.estimatedRows("[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Plan Rows\": 249871}}]"))
                .isEqualTo(249871);
        assertThatThrownBy(() -> CountQueries.estimatedRows("[{\"Plan\": {}}]")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void addsTheScopeWithSharedParameterNumbers() {
        ScopePredicate ownOnly = (alias, params) -> alias + ".\"owner\" = " + params.add(java.util.UUID.fromString("0192f6c8-1234-7abc-8def-0123456789ab"));

        ListPlan plan = ListQueries.plan(Planning.DEAL, new ListRequest("{\"field\": \"qty\", \"op\": \"eq\", \"value\": 3}", null, null, null, null, true, false),
                Planning.CURSORS, ownOnly);

        assertThat(plan.page().sql()).contains("WHERE r.\"deleted_at\" IS NULL AND (r.\"owner\" = $1) AND r.\"qty\" = $2 ORDER BY");
        assertThat(plan.count().orElseThrow().upTo(1).sql()).endsWith("AND (r.\"owner\" = $1) AND r.\"qty\" = $2 LIMIT 2) matches");
        assertThat(plan.page().params()).hasSize(2);
    }
}
