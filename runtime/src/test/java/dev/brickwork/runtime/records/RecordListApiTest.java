package dev.brickwork.runtime.records;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class RecordListApiTest {

    private static final String RECORDS = "/api/v1/apps/rec_list/forms/deal/records";
    private static boolean seeded;

    @BeforeEach
    void seed() {
        AsAdmin.signIn();
        if (seeded) {
            return;
        }
        Design.createApp("rec_list").statusCode(201);
        Design.publishDefinition("rec_list", "deal", """
                {"schemaVersion": 1, "key": "deal", "titleField": "title", "fields": [
                  {"key": "title", "type": "text", "required": true},
                  {"key": "stage", "type": "select", "options": [{"value": "open", "label": "Open"}, {"value": "won", "label": "赢单"}]},
                  {"key": "amount", "type": "money", "index": true}]}""");
        for (int i = 1; i <= 30; i++) {
            given().body("{\"fields\": {\"title\": \"Deal " + i + "\", \"stage\": \"" + (i % 3 == 0 ? "won" : "open")
                    + "\", \"amount\": \"" + (i * 1000) + ".50\"}}").post(RECORDS).then().statusCode(201);
        }
        seeded = true;
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void filtersSortsAndCounts() {
        given().queryParam("filter", "{\"and\": [{\"field\": \"stage\", \"op\": \"eq\", \"value\": \"won\"},"
                        + " {\"field\": \"amount\", \"op\": \"gte\", \"value\": \"12000\"}]}")
                .queryParam("sort", "-amount").queryParam("count", true)
                .get(RECORDS).then().statusCode(200)
                .body("total", equalTo(7))
                .body("items[0].fields.title", equalTo("Deal 30"))
                .body("items.fields.stage", everyItem(equalTo("won")))
                .body("nextCursor", nullValue());
    }

    @Test
    void pagesThroughEverythingWithCursorsWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 7).queryParam("sort", "amount");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(RECORDS).then().statusCode(200).extract();
            seen.addAll(page.path("items.fields.title"));
            cursor = page.path("nextCursor");
        } while (cursor != null);

        assertThat(seen).hasSize(30).doesNotHaveDuplicates().first().isEqualTo("Deal 1");
        assertThat(seen).last().isEqualTo("Deal 30");
    }

    @Test
    void searchesTextFields() {
        given().queryParam("q", "deal 2").get(RECORDS).then().statusCode(200)
                .body("items.fields.title", hasItem("Deal 21")).body("items.size()", equalTo(11));
    }

    @Test
    void aSearchOfOneOrTwoCharactersLooksInTheTextFieldsCaseInsensitively() {
        Design.publishDefinition("rec_list", "memo", """
                {"schemaVersion": 1, "key": "memo", "titleField": "name", "fields": [
                  {"key": "name", "type": "text"}, {"key": "note", "type": "textarea"}]}""");
        String memos = "/api/v1/apps/rec_list/forms/memo/records";
        for (String body : List.of("{\"name\": \"远航科技\", \"note\": \"合作伙伴\"}",
                "{\"name\": \"Alpha\", \"note\": \"远航 mentioned it\"}", "{\"name\": \"ALPHA beta_\"}")) {
            given().body("{\"fields\": " + body + "}").post(memos).then().statusCode(201);
        }
        // two characters: the names' pieces, not the long note
        given().queryParam("q", "远航").get(memos).then().statusCode(200).body("items.fields.name", contains("远航科技"));
        given().queryParam("q", "aL").get(memos).then().statusCode(200)
                .body("items.fields.name", containsInAnyOrder("Alpha", "ALPHA beta_"));
        given().queryParam("q", "科").get(memos).then().statusCode(200).body("items.fields.name", contains("远航科技"));
        given().queryParam("q", "_").get(memos).then().statusCode(200).body("items.fields.name", contains("ALPHA beta_"));
        given().queryParam("q", "%").get(memos).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        // from three on, every searched field, the note too
        given().queryParam("q", "mentioned").get(memos).then().statusCode(200).body("items.fields.name", contains("Alpha"));
    }

    @Test
    void refusesUnknownFieldsAndOperatorsWithPointers() {
        given().queryParam("filter", "{\"or\": [{\"field\": \"colour\", \"op\": \"eq\", \"value\": \"red\"},"
                        + " {\"field\": \"stage\", \"op\": \"like\", \"value\": \"x\"}]}")
                .queryParam("sort", "-nothing").get(RECORDS).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem("/filter/or/0/field"))
                .body("errors.pointer", hasItem("/filter/or/1/op"));
        given().queryParam("filter", "{\"and\": [").get(RECORDS).then().statusCode(400);
    }

    @Test
    void refusesAForgedCursor() {
        String cursor = given().queryParam("limit", 5).get(RECORDS).then().statusCode(200).extract().path("nextCursor");
        String forged = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("A") ? "BB" : "AA");

        given().queryParam("cursor", forged).get(RECORDS).then().statusCode(400).body("code", equalTo("CURSOR_INVALID"));
        given().queryParam("cursor", cursor).queryParam("sort", "title").get(RECORDS).then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; DROP TABLE app_rec_list.deal; --", "title\"; DELETE FROM app_rec_list.deal; --", "%' OR 1=1 --"})
    void injectionAttemptsChangeNothing(String attack) {
        given().queryParam("q", attack).get(RECORDS).then().statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("sort", attack).get(RECORDS).then().statusCode(422);
        given().queryParam("filter", "{\"field\": \"title\", \"op\": \"eq\", \"value\": \"" + attack.replace("\"", "\\\"") + "\"}")
                .get(RECORDS).then().statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("filter", "{\"field\": \"" + attack.replace("\"", "\\\"") + "\", \"op\": \"eq\", \"value\": 1}")
                .get(RECORDS).then().statusCode(422);

        assertThat(Db.count("SELECT count(*) FROM app_rec_list.deal")).isEqualTo(30);
    }
}
