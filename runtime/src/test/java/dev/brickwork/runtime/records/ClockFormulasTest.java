package dev.brickwork.runtime.records;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.runtime.FixedClock;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Formulas that read TODAY() stay true over time (decision 0020): a read answers today's value, and the daily sweep
 * rewrites the stored column (no new version, no timeline entry) so filters over it match. The server's clock is
 * moved a day forward.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ClockFormulasTest {

    private static final String APP = "clock_f";
    private static final String RECORDS = "/api/v1/apps/" + APP + "/forms/plan/records";
    private static boolean published;

    @Inject
    ClockFormulaSweep sweep;

    @BeforeEach
    void publish() {
        AsAdmin.signIn();
        if (!published) {
            Design.createApp(APP).statusCode(201);
            Design.publishDefinition(APP, "plan", """
                    {"schemaVersion": 1, "key": "plan", "fields": [
                      {"key": "name", "type": "text"},
                      {"key": "planned_date", "type": "date"},
                      {"key": "planned_amount", "type": "money"},
                      {"key": "received", "type": "money"},
                      {"key": "unreceived", "type": "formula", "expression": "planned_amount - COALESCE(received, 0)"},
                      {"key": "overdue_days", "type": "formula",
                       "expression": "IF(unreceived > 0 AND TODAY() > planned_date, DAYS(TODAY(), planned_date), 0)"},
                      {"key": "overdue", "type": "formula", "expression": "overdue_days > 0"}]}""");
            published = true;
        }
    }

    @AfterEach
    void putTheClockBack() {
        FixedClock.reset();
        AsAdmin.signOut();
    }

    @Test
    void aDayLaterReadsAnswerTodaysValueAndTheSweepStoresItWithoutANewVersion() {
        // given: on 2026-06-15 one plan a day overdue, one due today, one paid
        String late = create("late", "2026-06-14", null);
        String due = create("due", "2026-06-15", null);
        String paid = create("paid", "2026-06-01", "100");
        given().get(RECORDS + "/" + late).then().statusCode(200).body("fields.overdue_days", equalTo("1"))
                .body("fields.overdue", equalTo(true));
        long changes = Db.count("SELECT count(*) FROM brickwork.record_changes WHERE record_id = ?::uuid", late);

        // when: a day passes
        FixedClock.set(FixedClock.NOW.plus(Duration.ofDays(1)));

        // then: reads answer today's values while the stored column is still yesterday's
        given().get(RECORDS + "/" + late).then().statusCode(200).body("fields.overdue_days", equalTo("2"));
        given().get(RECORDS + "/" + due).then().statusCode(200).body("fields.overdue_days", equalTo("1"))
                .body("fields.overdue", equalTo(true));
        given().queryParam("sort", "name").get(RECORDS).then().statusCode(200)
                .body("items.fields.overdue_days", equalTo(List.of("1", "2", "0")));
        assertThat(stored(late)).containsExactly("1", "true", "1");

        // when: the sweep runs
        assertThat(sweep.sweep(APP).await().atMost(Duration.ofSeconds(30))).isEqualTo(3);

        // then: the stored values are today's, filters match them, and the records are otherwise untouched
        assertThat(stored(late)).containsExactly("2", "true", "1");
        assertThat(stored(due)).containsExactly("1", "true", "1");
        assertThat(stored(paid)).containsExactly("0", "false", "1");
        assertThat(Db.count("SELECT count(*) FROM brickwork.record_changes WHERE record_id = ?::uuid", late)).isEqualTo(changes);
        given().queryParam("filter", "{\"field\": \"overdue\", \"op\": \"eq\", \"value\": true}").queryParam("sort", "name")
                .get(RECORDS).then().statusCode(200).body("items.id", equalTo(List.of(due, late)));
        given().queryParam("filter", "{\"field\": \"overdue_days\", \"op\": \"gte\", \"value\": 2}")
                .get(RECORDS).then().statusCode(200).body("items.id", equalTo(List.of(late)));

        // and a second sweep the same day has nothing to do
        assertThat(sweep.sweep(APP).await().atMost(Duration.ofSeconds(30))).isZero();
    }

    /** overdue_days, overdue and version as stored. */
    private static List<String> stored(String id) {
        return Db.rows("SELECT overdue_days::text, overdue::text, version::text FROM app_clock_f.plan WHERE id = ?::uuid", id).get(0);
    }

    private static String create(String name, String planned, String received) {
        return given().body("{\"fields\": {\"name\": \"" + name + "\", \"planned_date\": \"" + planned + "\","
                        + " \"planned_amount\": \"100\", \"received\": " + (received == null ? "null" : "\"" + received + "\"") + "}}")
                .post(RECORDS).then().statusCode(201).extract().path("id");
    }
}
