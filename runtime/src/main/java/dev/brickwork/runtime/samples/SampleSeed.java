package dev.brickwork.runtime.samples;

import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.packages.PackageInstalled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * A package's {@code seed} ({@code {"generator", "size"}}, optionally {@code "seed"}): when an install creates the
 * app, its sample data is loaded as {@code POST /admin/samples} would, in the installer's name. An upgrade loads
 * nothing. A seed that cannot load (another load running, the sample users there already) is logged, not fatal: the
 * install has committed.
 */
@ApplicationScoped
public class SampleSeed {

    private static final Logger LOG = Logger.getLogger(SampleSeed.class);

    @Inject
    SampleJobs jobs;

    void onInstalled(@Observes PackageInstalled installed) {
        if (!installed.created() || installed.seed() == null || installed.seed().isNull()) {
            return;
        }
        try {
            SampleRequest request = SampleRequest.ofSeed(installed.appKey(), installed.seed());
            SampleJob job = jobs.start(request, installed.by(), installed.byName());
            LOG.infof("Loading the sample data of app '%s' (%s, %s): GET /api/v1/admin/samples/%s follows it",
                    installed.appKey(), request.generator(), request.size().json(), job.id());
        } catch (ProblemException e) {
            LOG.warnf("The sample data of app '%s' is not loaded: %s (%s)", installed.appKey(), e.getMessage(),
                    e.type().name());
        }
    }
}
