package dev.brickwork.runtime.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.brickwork.runtime.packages.PackageInstaller;
import dev.brickwork.runtime.samples.CrmApps;
import dev.brickwork.runtime.samples.SampleJob;
import dev.brickwork.runtime.samples.SampleJobs;
import dev.brickwork.runtime.samples.SampleRequest;
import dev.brickwork.templates.samples.SampleGenerators;
import dev.brickwork.templates.samples.SampleSize;
import dev.brickwork.testing.Db;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every browser test of the web app (issue 13) starts from: the CRM starter with the tiny sample set, installed
 * once for the whole run (the classes share one profile, so one database and one app), a browser per class, and the
 * rep who owns the most opportunities in a department with a manager.
 */
// each test class carries @QuarkusTest with this profile itself: Quarkus makes beans of annotated classes only
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebAppTestBase {

    static final String APP = "crm";
    static final String RECORDS = "/api/v1/apps/crm/forms/";

    /** A database of its own (the starter's app key is global); the first class installs the starter and the tiny set. */
    public static class CrmWithoutFirstStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("brickwork.starter", "none");
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Inject
    PackageInstaller installer;

    @Inject
    SampleJobs jobs;

    StaffBrowser browser;
    String rep;

    @BeforeAll
    void theCrmWithItsTinySampleSet() {
        if ("0".equals(Db.single("SELECT count(*)::text FROM brickwork.apps WHERE app_key = ?", APP))) {
            CrmApps.install(installer, APP);
            SampleJob job = jobs.start(new SampleRequest(APP, SampleGenerators.CRM, SampleSize.TINY, 7), CrmApps.adminId(),
                    "admin");
            await().atMost(Duration.ofMinutes(3)).until(() -> job.state() != SampleJob.State.RUNNING);
            assertThat(job.view().state()).as("problem: %s", job.view().problem()).isEqualTo("done");
        }
        // the rep owning the most opportunities, in a department with a manager (the contract flow asks them first)
        rep = Db.single("SELECT u.username FROM brickwork.users u JOIN brickwork.user_roles r ON r.user_id = u.id"
                + " JOIN brickwork.departments d ON d.id = u.department_id"
                + " WHERE r.role_key = 'sales_rep' AND d.manager_id IS NOT NULL ORDER BY"
                + " (SELECT count(*) FROM app_crm.opportunity o WHERE o.owner = u.id) DESC, u.username LIMIT 1");
        browser = new StaffBrowser(root.toString());
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * A column of the rep's first record of a form, by name (every starter form used here has one), leaving out records
     * waiting for an approval: another class may have submitted one, and such a record cannot be edited meanwhile.
     */
    String theRepsFirst(String form, String column) {
        return Db.single("SELECT t." + column + "::text FROM app_crm." + form + " t JOIN brickwork.users u ON u.id = t.owner"
                + " WHERE u.username = ? AND t.approval IS DISTINCT FROM 'pending' ORDER BY t.name LIMIT 1", rep);
    }

    static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }
}
