package dev.brickwork.runtime.samples;

import dev.brickwork.platform.Ids;
import dev.brickwork.platform.http.ProblemDetail;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.templates.samples.SampleGenerators;
import dev.brickwork.templates.samples.SampleSet;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sample loads as jobs: checked before they start (a refused request writes nothing), then run on a thread of their
 * own, never the event loop. One at a time in the whole installation: a load holds a PostgreSQL advisory lock on a
 * connection of its own until it ends, so a second one, on this node or another, is refused. Jobs are remembered in
 * memory (the latest {@value #KEPT}) by the node that runs them.
 */
@ApplicationScoped
public class SampleJobs {

    private static final Logger LOG = Logger.getLogger(SampleJobs.class);
    private static final int KEPT = 20;
    private static final String LOCK = "SELECT pg_try_advisory_lock(hashtext('brickwork.samples'))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext('brickwork.samples'))";

    @Inject
    SampleChecks checks;

    @Inject
    SampleLoader loader;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    ZoneId zone;

    private final Map<UUID, SampleJob> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, SampleJob> eldest) {
            return size() > KEPT;
        }
    };

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "brickwork-samples");
        thread.setDaemon(true);
        return thread;
    });

    /** Checks the request and starts the load; refused (409) while another runs. Blocking. */
    public synchronized SampleJob start(SampleRequest request, UUID by, String byName) {
        SampleSet set = SampleGenerators.generate(request.generator(), request.size(), request.seed(),
                LocalDate.now(clock.withZone(zone))).orElseThrow();
        Connection lock = lock();
        try {
            checks.require(request, set);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
        SampleJob job = new SampleJob(Ids.newId(), request, by, clock.instant());
        jobs.put(job.id(), job);
        worker.execute(() -> run(job, set, by, byName, lock));
        return job;
    }

    public synchronized Optional<SampleJob> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The most recent load this node started, if any. */
    public synchronized Optional<SampleJob> latest() {
        return jobs.values().stream().reduce((first, second) -> second);
    }

    private void run(SampleJob job, SampleSet set, UUID by, String byName, Connection lock) {
        SampleRequest request = job.request();
        try {
            loader.load(set, request.app(), by, byName, job);
            job.finished(clock.instant());
            SampleJob.View done = job.view();
            LOG.infof("Loaded sample data %s/%s (seed %d) into app '%s': %d users, %d records, %d changes in %.1f s",
                    request.generator(), request.size().json(), request.seed(), request.app(), done.users(), done.records(),
                    done.changes(), done.seconds());
        } catch (RuntimeException e) {
            job.failed(clock.instant(), problem(e));
        } finally {
            release(lock);
        }
    }

    /** What the job reports: the refusal, naming the write it refused; an unexpected failure only by incident. */
    private ProblemDetail problem(RuntimeException failure) {
        ProblemException refusal = SampleWrites.refusal(failure);
        String write = failure instanceof SampleWrites.WriteFailed failed
                ? "Sample record " + failed.record().handle() + (failed.record().change() ? " (a change)" : "")
                + " on form '" + failed.record().form() + "': " : "";
        if (refusal != null) {
            LOG.warnf("A sample load stopped: %s%s (%s)", write, refusal.getMessage(), refusal.type().name());
            ProblemDetail detail = refusal.toDetail();
            return new ProblemDetail(detail.type(), detail.title(), detail.status(), detail.code(),
                    write + detail.detail(), detail.errors());
        }
        UUID incident = Ids.newId();
        LOG.errorf(failure, "A sample load failed (incident %s)", incident);
        return ProblemDetail.of(SampleProblem.SAMPLE_LOAD_FAILED, write + "The load failed unexpectedly; the server log"
                + " has incident " + incident + ".", List.of());
    }

    /** A connection holding the installation's sample lock, or 409 when another load holds it. */
    private Connection lock() {
        try {
            Connection connection = dataSource.getConnection();
            try (ResultSet locked = connection.createStatement().executeQuery(LOCK)) {
                if (locked.next() && locked.getBoolean(1)) {
                    return connection;
                }
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the sample lock (SQLSTATE " + e.getSQLState() + ")", e);
        }
        throw new ProblemException(SampleProblem.SAMPLE_LOAD_RUNNING, "A sample load is running; wait until it is done.");
    }

    private static void release(Connection lock) {
        try (lock) {
            lock.createStatement().execute(UNLOCK);
        } catch (SQLException e) {
            // closing the session ends the lock all the same
            LOG.debugf("Releasing the sample lock: SQLSTATE %s", e.getSQLState());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
