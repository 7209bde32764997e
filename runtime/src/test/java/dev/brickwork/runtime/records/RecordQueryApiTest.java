package dev.brickwork.runtime.records;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** {@code POST …/records/query}: the list of {@code GET …/records} with its query in a JSON body (docs/spec.md §4). */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class RecordQueryApiTest {

    private static final String RECORDS = "/api/v1/apps/rec_query/forms/deal/records";
    private static final String QUERY = RECORDS + "/query";
    private static final int RECORD_COUNT = 30;
    private static final List<String> IDS = new ArrayList<>();

    @BeforeEach
    void seed() {
        AsAdmin.signIn();
        if (!IDS.isEmpty()) {
            return;
        }
        Design.createApp("rec_query").statusCode(201);
        Design.publishDefinition("rec_query", "deal", """
                {"schemaVersion": 1, "key": "deal", "titleField": "title", "fields": [
                  {"key": "title", "type": "text", "required": true},
                  {"key": "stage", "type": "select", "options": [{"value": "open", "label": "Open"}, {"value": "won", "label": "Won"}]},
                  {"key": "amount", "type": "money"}]}""");
        for (int i = 1; i <= RECORD_COUNT; i++) {
            IDS.add(given().body("{\"fields\": {\"title\": \"Deal " + i + "\", \"stage\": \"" + (i % 3 == 0 ? "won" : "open")
                    + "\", \"amount\": \"" + (i * 1000) + ".50\"}}").post(RECORDS).then().statusCode(201).extract().path("id"));
        }
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void anInOfTwoHundredRecordIdsIsAnsweredThroughTheBodyWhereTheUrlCannotCarryIt() {
        List<String> ids = new ArrayList<>(IDS);
        while (ids.size() < 200) {
            ids.add(UUID.randomUUID().toString());
        }
        String filter = "{\"field\": \"id\", \"op\": \"in\", \"value\": ["
                + ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ")) + "]}";

        given().body("{\"filter\": " + filter + ", \"count\": true, \"limit\": 500}").post(QUERY).then().statusCode(200)
                .body("total", equalTo(RECORD_COUNT)).body("items.size()", equalTo(RECORD_COUNT));
        given().queryParam("filter", filter).get(RECORDS).then().statusCode(414)
                .contentType("application/problem+json").body("code", equalTo("URI_TOO_LONG"));
    }

    @Test
    void aHundredConditionsAreAcceptedAndTheHundredAndFirstIsRefusedAtTheFilter() {
        String hundred = conditions(100);
        given().body("{\"filter\": " + hundred + ", \"count\": true}").post(QUERY).then().statusCode(200)
                .body("total", equalTo(RECORD_COUNT));

        given().body("{\"filter\": " + conditions(101) + "}").post(QUERY).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.code", hasItem("FILTER_TOO_MANY_CONDITIONS")).body("errors.pointer", hasItem("/filter"));
    }

    @Test
    void getAndPostAnswerTheSamePagesAndTakeEachOthersCursors() {
        String filter = "{\"field\": \"stage\", \"op\": \"eq\", \"value\": \"open\"}";
        ExtractableResponse<Response> getFirst = given().queryParam("filter", filter).queryParam("sort", "-amount")
                .queryParam("limit", 4).queryParam("count", true).get(RECORDS).then().statusCode(200).extract();
        ExtractableResponse<Response> postFirst = post("{\"filter\": " + filter + ", \"sort\": \"-amount\", \"limit\": 4, \"count\": true}");
        assertThat(postFirst.asString()).isEqualTo(getFirst.asString());

        String cursor = getFirst.path("nextCursor");
        ExtractableResponse<Response> postSecond = post("{\"filter\": " + filter + ", \"sort\": \"-amount\", \"limit\": 4, \"cursor\": \""
                + cursor + "\"}");
        ExtractableResponse<Response> getSecond = given().queryParam("filter", filter).queryParam("sort", "-amount")
                .queryParam("limit", 4).queryParam("cursor", postFirst.<String>path("nextCursor")).get(RECORDS).then().statusCode(200).extract();
        assertThat(postSecond.asString()).isEqualTo(getSecond.asString());
        assertThat(postSecond.<List<String>>path("items.fields.title")).containsExactly("Deal 23", "Deal 22", "Deal 20", "Deal 19");
    }

    @Test
    void searchesAndListsTheRecycleBinLikeTheGet() {
        String id = IDS.get(0);
        String version = given().get(RECORDS + "/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-Match", version).delete(RECORDS + "/" + id).then().statusCode(204);
        try {
            assertThat(post("{\"deleted\": true}").<List<String>>path("items.id")).containsExactly(id);
            assertThat(post("{\"q\": \"deal 2\"}").<List<String>>path("items.fields.title")).hasSize(11).contains("Deal 21");
        } finally {
            given().post(RECORDS + "/" + id + "/restore").then().statusCode(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            []                                                          | 422 | ''            | QUERY_BODY_NOT_OBJECT
            {"filter": "{\\"field\\": \\"title\\"}"}                   | 422 | /filter       | QUERY_PROPERTY_TYPE
            {"sort": ["title"]}                                         | 422 | /sort         | QUERY_PROPERTY_TYPE
            {"limit": "10"}                                             | 422 | /limit        | QUERY_PROPERTY_TYPE
            {"limit": 2.5}                                              | 422 | /limit        | QUERY_PROPERTY_TYPE
            {"count": "yes"}                                            | 422 | /count        | QUERY_PROPERTY_TYPE
            {"colour": "red"}                                           | 422 | /colour       | QUERY_PROPERTY_UNKNOWN
            {"limit": 0}                                                | 422 | /limit        | LIMIT_INVALID
            {"filter": {"field": "colour", "op": "eq", "value": 1}}     | 422 | /filter/field | FILTER_FIELD_UNKNOWN
            {"filter": {"and": [{"field": "title", "op": "like"}]}}     | 422 | /filter/and/0/op | FILTER_OP_UNKNOWN
            {"cursor": "forged"}                                        | 400 | /cursor       | CURSOR_INVALID
            """)
    void refusesABadBodyWithAPointerToWhatIsWrong(String body, int status, String pointer, String code) {
        given().body(body).post(QUERY).then().statusCode(status).contentType("application/problem+json")
                .body("errors.pointer", hasItem(pointer)).body("errors.code", hasItem(code));
        assertThat(Db.count("SELECT count(*) FROM app_rec_query.deal")).isEqualTo(RECORD_COUNT);
    }

    @Test
    void refusesABodyThatIsNotJson() {
        given().body("{\"filter\": {").post(QUERY).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("BODY_MALFORMED"));
    }

    private static ExtractableResponse<Response> post(String body) {
        return given().body(body).post(QUERY).then().statusCode(200).extract();
    }

    /** An "or" of n title conditions, every record matching one of the first thirty. */
    private static String conditions(int n) {
        return "{\"or\": [" + IntStream.rangeClosed(1, n)
                .mapToObj(i -> "{\"field\": \"title\", \"op\": \"eq\", \"value\": \"Deal " + i + "\"}")
                .collect(Collectors.joining(", ")) + "]}";
    }
}
