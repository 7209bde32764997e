package dev.brickwork.runtime.samples;

import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.runtime.packages.PackageInstaller;
import dev.brickwork.templates.samples.SampleGenerators;
import dev.brickwork.templates.samples.SampleSize;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tiny CRM set loaded through the platform into an app of its own: every record is there, roll-ups, lookups and
 * auto-numbers are what the write path makes them, records belong to and were made by their sample owners, and the
 * sample users log in with the demo password.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleLoaderTest {

    static final long SEED = 11;
    private static final String APP = "crm_loaded";
    private static final String SCHEMA = "app_" + APP;

    @Inject
    PackageInstaller installer;

    @Inject
    SampleJobs jobs;

    private SampleJob.View loaded;

    @BeforeAll
    void loadTheTinySet() {
        // given the starter's forms, roles and departments, and no sample data
        CrmApps.install(installer, APP);

        // when the tiny set is loaded
        SampleJob job = jobs.start(new SampleRequest(APP, SampleGenerators.CRM, SampleSize.TINY, SEED),
                CrmApps.adminId(), "admin");
        await().atMost(Duration.ofMinutes(3)).until(() -> job.state() != SampleJob.State.RUNNING);
        loaded = job.view();
    }

    @Test
    void everyWriteOfTheSetIsThere() {
        assertThat(loaded.state()).as("problem: %s", loaded.problem()).isEqualTo("done");
        long creates = SampleGenerators.generate(SampleGenerators.CRM, SampleSize.TINY, SEED, java.time.LocalDate.now())
                .orElseThrow().records().filter(r -> !r.change()).count();
        assertThat(loaded.records()).isEqualTo(creates);
        assertThat(loaded.changes()).isPositive();
        assertThat(loaded.users()).isEqualTo(12);
        for (Map.Entry<String, Integer> form : loaded.forms().entrySet()) {
            assertThat(Db.count("SELECT count(*) FROM " + SCHEMA + "." + form.getKey())).as(form.getKey())
                    .isEqualTo(form.getValue().longValue());
        }
        assertThat(loaded.forms().keySet()).containsExactlyInAnyOrderElementsOf(SampleGenerators.forms(SampleGenerators.CRM).orElseThrow());
    }

    @Test
    void aContractsReceivedAmountIsTheSumOfItsConfirmedPayments() {
        assertThat(Db.count("SELECT count(*) FROM " + SCHEMA + ".payment WHERE status = 'confirmed'")).isPositive();
        assertThat(Db.rows("SELECT c.id FROM " + SCHEMA + ".contract c WHERE COALESCE(c.received_amount, 0) <> COALESCE("
                + " (SELECT sum(CASE WHEN p.type = 'refund' THEN -p.amount ELSE p.amount END) FROM " + SCHEMA + ".payment p"
                + " WHERE p.contract = c.id AND p.status = 'confirmed'), 0)")).isEmpty();
        assertThat(Db.count("SELECT count(*) FROM " + SCHEMA + ".contract WHERE received_amount > 0")).isPositive();
    }

    @Test
    void autoNumbersAreDrawnForEveryRecord() {
        assertThat(Db.count("SELECT count(*) FROM " + SCHEMA + ".customer WHERE customer_no IS NULL")).isZero();
        assertThat(Db.count("SELECT count(*) FROM " + SCHEMA + ".customer WHERE customer_no !~ '^KH[0-9]{4}[0-9]{5}$'")).isZero();
        assertThat(Db.count("SELECT count(DISTINCT customer_no) FROM " + SCHEMA + ".customer"))
                .isEqualTo(Db.count("SELECT count(*) FROM " + SCHEMA + ".customer"));
        assertThat(Db.count("SELECT count(*) FROM " + SCHEMA + ".payment WHERE payment_no IS NULL")).isZero();
        assertThat(Db.count("SELECT count(*) FROM " + SCHEMA + ".contract WHERE contract_no IS NULL")).isZero();
    }

    @Test
    void recordsAreOwnedAndMadeByTheirSampleOwners() {
        // the sample staff own the customers, and each was created by the person who owns it
        assertThat(Db.count("SELECT count(*) FROM " + SCHEMA + ".customer c JOIN brickwork.users u ON u.id = c.owner"
                + " WHERE u.username = 'admin'")).isZero();
        assertThat(Db.count("SELECT count(*) FROM " + SCHEMA + ".customer WHERE created_by <> owner")).isZero();
    }

    @Test
    void theSampleUsersLogInWithTheDemoPasswordInTheirDepartments() {
        for (String username : CrmApps.usernames(SampleSize.TINY, SEED)) {
            assertThat(Login.token(username, "demo-1234")).isNotBlank();
        }
        assertThat(Db.count("SELECT count(*) FROM brickwork.users WHERE username = ANY (?) AND department_id IS NULL",
                (Object) CrmApps.usernames(SampleSize.TINY, SEED).toArray(String[]::new))).isZero();
        assertThat(Db.count("SELECT count(*) FROM brickwork.departments WHERE manager_id IS NULL AND name = ANY (?)",
                (Object) new String[]{"总部", "销售部", "华东", "华北", "财务部", "客服部", "市场部"})).isZero();
    }

    @Test
    void aSecondLoadOfTheSameSetIsRefusedBeforeItWritesAnything() {
        long users = Db.count("SELECT count(*) FROM brickwork.users");

        String body = "{\"app\": \"" + APP + "\", \"generator\": \"crm-sample\", \"size\": \"tiny\", \"seed\": " + SEED + "}";
        People.asAdmin().body(body).post("/api/v1/admin/samples").then().statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("SAMPLE_USERS_EXIST"));

        assertThat(Db.count("SELECT count(*) FROM brickwork.users")).isEqualTo(users);
    }
}
