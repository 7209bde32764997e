package dev.brickwork.runtime.records;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.runtime.FixedClock;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Auto-numbers with {yyyy}, {MM} and {dd} (docs/spec.md §2): one counter per filled-in period. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class AutonumbersTest {

    private static final String APP = "autonumbers";

    @BeforeEach
    void signIn() {
        AsAdmin.signIn();
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @ParameterizedTest(name = "{0} on {1} counts under {2}")
    @CsvSource(delimiter = '|', textBlock = """
            XS{yyyy}{MM}{dd}{seq:4}  | 2026-06-15 | XS20260615{seq:4}
            XS{yyyy}{MM}{dd}{seq:4}  | 2026-06-16 | XS20260616{seq:4}
            HT{yyyy}{MM}{seq:4}      | 2026-06-16 | HT202606{seq:4}
            KH{yyyy}{seq:5}          | 2027-01-01 | KH2027{seq:5}
            PRD{seq:5}               | 2027-01-01 | PRD{seq:5}
            {dd}/{MM}/{yyyy}-{seq:2} | 2026-02-03 | 03/02/2026-{seq:2}
            """)
    void aCounterBelongsToThePatternWithItsDatePlaceholdersFilledIn(String pattern, LocalDate day, String period) {
        assertThat(Autonumbers.period(pattern, day)).isEqualTo(period);
    }

    @Test
    void aDailyPatternNumbersTheDaysRecordsFromOne() {
        Design.createApp(APP).statusCode(201);
        Design.publishDefinition(APP, "lead", """
                {"schemaVersion": 1, "key": "lead", "fields": [
                  {"key": "lead_no", "type": "autonumber", "pattern": "XS{yyyy}{MM}{dd}{seq:4}"},
                  {"key": "name", "type": "text"}]}""");
        String today = LocalDate.ofInstant(FixedClock.NOW, ZoneId.systemDefault()).toString().replace("-", "");

        String first = given().body("{\"fields\": {\"name\": \"a\"}}").post("/api/v1/apps/" + APP + "/forms/lead/records")
                .then().statusCode(201).extract().path("fields.lead_no");
        String second = given().body("{\"fields\": {\"name\": \"b\"}}").post("/api/v1/apps/" + APP + "/forms/lead/records")
                .then().statusCode(201).extract().path("fields.lead_no");

        assertThat(first).isEqualTo("XS" + today + "0001");
        assertThat(second).isEqualTo("XS" + today + "0002");
    }
}
