package dev.brickwork.runtime.samples;

import dev.brickwork.platform.http.ProblemDetail;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One load of sample data: what it loads, how far it got, and how it ended. Written by its worker, read by polls. */
public final class SampleJob {

    public enum State {
        RUNNING, DONE, FAILED;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What {@code GET /admin/samples/{id}} answers. */
    @Schema(name = "SampleLoad")
    public record View(UUID id, @Schema(enumeration = {"running", "done", "failed"}) String state, String app, String generator, String size, long seed, UUID startedBy,
                       Instant startedAt, Instant finishedAt,
                       @Schema(description = "Seconds from start to end (or to now while running)") double seconds,
                       @Schema(description = "Sample users created") int users,
                       @Schema(description = "Records created") int records,
                       @Schema(description = "Later changes of records created earlier (a customer's primary contact, a contract set active)")
                       int changes,
                       @Schema(description = "Writes a duplicate rule warned about (they are written all the same)")
                       int duplicateWarnings,
                       @Schema(description = "Records created per form") Map<String, Integer> forms,
                       @Schema(description = "Why the load stopped (state failed); what was written before stays")
                       ProblemDetail problem) {
    }

    private final UUID id;
    private final SampleRequest request;
    private final UUID startedBy;
    private final Instant startedAt;
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicInteger records = new AtomicInteger();
    private final AtomicInteger changes = new AtomicInteger();
    private final AtomicInteger warnings = new AtomicInteger();
    private final Map<String, AtomicInteger> forms = new ConcurrentHashMap<>();
    /** Elapsed time is measured, not read from the clock: the platform's clock may be a fixed one (tests). */
    private final long startedNanos = System.nanoTime();
    private volatile long finishedNanos;
    private volatile State state = State.RUNNING;
    private volatile Instant finishedAt;
    private volatile ProblemDetail problem;

    SampleJob(UUID id, SampleRequest request, UUID startedBy, Instant startedAt) {
        this.id = id;
        this.request = request;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
    }

    public UUID id() {
        return id;
    }

    public SampleRequest request() {
        return request;
    }

    public State state() {
        return state;
    }

    void userCreated() {
        users.incrementAndGet();
    }

    void recordCreated(String form, boolean warned) {
        records.incrementAndGet();
        forms.computeIfAbsent(form, f -> new AtomicInteger()).incrementAndGet();
        if (warned) {
            warnings.incrementAndGet();
        }
    }

    void recordChanged(boolean warned) {
        changes.incrementAndGet();
        if (warned) {
            warnings.incrementAndGet();
        }
    }

    void finished(Instant at) {
        finishedNanos = System.nanoTime();
        finishedAt = at;
        state = State.DONE;
    }

    void failed(Instant at, ProblemDetail why) {
        problem = why;
        finishedNanos = System.nanoTime();
        finishedAt = at;
        state = State.FAILED;
    }

    public View view() {
        Map<String, Integer> byForm = new TreeMap<>();
        forms.forEach((form, count) -> byForm.put(form, count.get()));
        long elapsed = (finishedAt == null ? System.nanoTime() : finishedNanos) - startedNanos;
        return new View(id, state.json(), request.app(), request.generator(), request.size().json(), request.seed(), startedBy,
                startedAt, finishedAt, elapsed / 1_000_000 / 1000.0, users.get(), records.get(),
                changes.get(), warnings.get(), byForm, problem);
    }
}
