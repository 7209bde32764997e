package dev.brickwork.runtime.samples;

import dev.brickwork.runtime.Login;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server started on an empty database with the starter on installs the CRM starter, which loads the small sample
 * set; a second start, or two at once, with the app there does nothing. A profile of its own restarts Quarkus and
 * with it {@code TestDatabase}: the database is fresh, as at a newcomer's first start.
 */
@QuarkusTest
@TestProfile(FirstStartTest.StarterOn.class)
@WithTestResource(TestDatabase.class)
class FirstStartTest {

    public static class StarterOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("brickwork.starter", "crm");
        }
    }

    @Inject
    FirstStart firstStart;

    @Inject
    SampleJobs jobs;

    @Test
    void theFirstStartInstallsTheStarterOnceWithItsSmallSampleSet() {
        // when the server has started on an empty database
        await().atMost(Duration.ofMinutes(2)).until(() -> Db.count("SELECT count(*) FROM brickwork.apps") > 0);

        // then the CRM starter is its one app and the small set loads through the seed
        assertThat(Db.rows("SELECT app_key FROM brickwork.apps")).containsExactly(List.of("crm"));
        await().atMost(Duration.ofMinutes(4)).until(() -> jobs.latest().map(j -> j.state() != SampleJob.State.RUNNING)
                .orElse(false));
        SampleJob.View loaded = jobs.latest().orElseThrow().view();
        assertThat(loaded.state()).as("problem: %s", loaded.problem()).isEqualTo("done");
        assertThat(loaded.size()).isEqualTo("small");
        assertThat(loaded.seed()).isEqualTo(SampleRequest.DEFAULT_SEED);
        assertThat(loaded.records()).isGreaterThan(2500);
        System.out.printf("FirstStartTest: the small set loaded %d records and %d changes in %.1f s%n",
                loaded.records(), loaded.changes(), loaded.seconds());
        String gm = CrmApps.usernames(dev.brickwork.templates.samples.SampleSize.SMALL, 42).iterator().next();
        assertThat(Login.token(gm, "demo-1234")).isNotBlank();

        // when the server starts again, here twice at once, with the app present
        CompletableFuture<FirstStart.Outcome> one = CompletableFuture.supplyAsync(firstStart::installIfEmpty);
        CompletableFuture<FirstStart.Outcome> two = CompletableFuture.supplyAsync(firstStart::installIfEmpty);

        // then nothing is installed or loaded again
        assertThat(List.of(one.join(), two.join())).containsOnly(FirstStart.Outcome.APPS_PRESENT);
        assertThat(Db.count("SELECT count(*) FROM brickwork.apps")).isEqualTo(1);
        assertThat(jobs.latest().orElseThrow().id()).isEqualTo(loaded.id());
        assertThat(Db.count("SELECT count(*) FROM app_crm.customer")).isEqualTo(loaded.forms().get("customer").longValue());
    }
}
