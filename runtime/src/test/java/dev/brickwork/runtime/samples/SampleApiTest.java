package dev.brickwork.runtime.samples;

import dev.brickwork.runtime.admin.People;
import dev.brickwork.runtime.packages.PackageInstaller;
import dev.brickwork.templates.samples.SampleSize;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** {@code POST /admin/samples} answers a job to poll; bad requests are located problems and write nothing. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleApiTest {

    private static final String APP = "crm_api_samples";
    private static final long SEED = 23;
    private static final String SAMPLES = "/api/v1/admin/samples";

    @Inject
    PackageInstaller installer;

    @Inject
    SampleJobs jobs;

    @BeforeAll
    void installTheStarterWithoutData() {
        // the admin's login (an audit entry) happens here, not inside a test's before-and-after comparison
        People.asAdmin();
        CrmApps.install(installer, APP);
        Set<String> both = new HashSet<>(CrmApps.usernames(SampleSize.TINY, SEED));
        both.retainAll(CrmApps.usernames(SampleSize.TINY, SampleLoaderTest.SEED));
        assertThat(both).as("this class's sample people are not SampleLoaderTest's").isEmpty();
    }

    @Test
    void aLoadAnswersAJobThatRunsToDone() {
        // given no load running (a package installed by another class may have started its seed)
        await().atMost(Duration.ofMinutes(3)).until(() -> jobs.latest().map(j -> j.state() != SampleJob.State.RUNNING).orElse(true));

        // when a tiny set is asked for
        Response started = People.asAdmin().body(load(APP, "crm-sample", "tiny").replace("}", ", \"seed\": " + SEED + "}"))
                .post(SAMPLES);

        // then the answer is the running job and where to follow it
        started.then().statusCode(202).body("state", equalTo("running")).body("app", equalTo(APP))
                .body("size", equalTo("tiny")).body("seed", equalTo((int) SEED))
                .header("Location", endsWith(SAMPLES + "/" + started.path("id")));
        // and a second load meanwhile is refused
        People.asAdmin().body(load(APP, "crm-sample", "tiny").replace("}", ", \"seed\": 24}")).post(SAMPLES)
                .then().statusCode(409).body("code", equalTo("SAMPLE_LOAD_RUNNING"));
        String location = started.header("Location");
        await().atMost(Duration.ofMinutes(3)).until(() -> !"running".equals(People.asAdmin().get(location).path("state")));
        JsonPath done = People.asAdmin().get(location).then().statusCode(200).extract().jsonPath();
        assertThat(done.getString("state")).as("problem: %s", done.getString("problem")).isEqualTo("done");
        assertThat(done.getInt("users")).isEqualTo(12);
        assertThat(done.getInt("forms.customer")).isEqualTo(SampleSize.TINY.counts().customers());
        assertThat(done.getInt("records")).isEqualTo(Db.count("SELECT (SELECT count(*) FROM app_" + APP + ".customer)"
                + " + (SELECT count(*) FROM app_" + APP + ".contact) + (SELECT count(*) FROM app_" + APP + ".opportunity)"
                + " + (SELECT count(*) FROM app_" + APP + ".quote) + (SELECT count(*) FROM app_" + APP + ".contract)"
                + " + (SELECT count(*) FROM app_" + APP + ".payment_plan) + (SELECT count(*) FROM app_" + APP + ".payment)"
                + " + (SELECT count(*) FROM app_" + APP + ".follow_up) + (SELECT count(*) FROM app_" + APP + ".ticket)"
                + " + (SELECT count(*) FROM app_" + APP + ".lead) + (SELECT count(*) FROM app_" + APP + ".product)"
                + " + (SELECT count(*) FROM app_" + APP + ".campaign)"));
        assertThat(done.getString("finishedAt")).isNotNull();
        assertThat(done.getString("problem")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown app       | crm_nowhere     | crm-sample | small | 404 | APP_NOT_FOUND          | /app",
            "unknown generator | crm_api_samples | erp-sample | small | 422 | SAMPLE_REQUEST_INVALID | /generator",
            "unknown size      | crm_api_samples | crm-sample | huge  | 422 | SAMPLE_REQUEST_INVALID | /size",
            "app without forms | EMPTY           | crm-sample | small | 422 | SAMPLE_APP_UNFIT       | /app",
    })
    void aBadRequestIsALocatedProblemAndWritesNothing(String name, String app, String generator, String size, int status,
                                                      String code, String pointer) {
        String target = app.equals("EMPTY") ? emptyApp() : app;
        List<List<String>> before = written();

        People.asAdmin().body(load(target, generator, size)).post(SAMPLES).then().statusCode(status)
                .contentType("application/problem+json").body("code", equalTo(code)).body("errors[0].pointer", equalTo(pointer));

        assertThat(written()).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsLoadSampleData() {
        People.as(People.staffToken()).body(load(APP, "crm-sample", "tiny")).post(SAMPLES).then().statusCode(403);
    }

    @Test
    void anUnknownLoadIsNotFound() {
        People.asAdmin().get(SAMPLES + "/01a2a000-0000-7000-8000-000000000000").then().statusCode(404)
                .body("code", equalTo("SAMPLE_LOAD_NOT_FOUND"));
        People.asAdmin().get(SAMPLES + "/not-an-id").then().statusCode(404);
    }

    private static String emptyApp() {
        String key = People.unique("bare").toLowerCase();
        People.asAdmin().body("{\"key\": \"" + key + "\", \"label\": {\"en\": \"Bare\"}}").post("/api/v1/design/apps")
                .then().statusCode(201);
        return key;
    }

    private static String load(String app, String generator, String size) {
        return "{\"app\": \"" + app + "\", \"generator\": \"" + generator + "\", \"size\": \"" + size + "\"}";
    }

    /** Users, departments and the records of this class's app: what a refused load must leave as it was. */
    private static List<List<String>> written() {
        return Db.rows("SELECT (SELECT count(*) FROM brickwork.users), (SELECT count(*) FROM brickwork.departments),"
                + " (SELECT count(*) FROM app_" + APP + ".customer), (SELECT count(*) FROM brickwork.audit_log)");
    }
}
