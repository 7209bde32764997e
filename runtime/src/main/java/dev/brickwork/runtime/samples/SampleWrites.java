package dev.brickwork.runtime.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.records.RecordCommands;
import dev.brickwork.templates.samples.SampleRecord;
import dev.brickwork.templates.samples.SampleRefs;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The records of one load, written through {@link RecordCommands} as the API's create and update are (validation,
 * references, duplicate rules, auto-numbers, roll-ups, lookups, timeline), each by the user the set names as its
 * owner, so the timeline and {@code created_by} say who. Several groups are written at once, each in its order; a
 * write that needs a record of a group still running waits for it (a set refers only backwards, and groups start in
 * order, so the wait always ends). The first refusal stops the load: nothing after it starts.
 */
final class SampleWrites {

    /** A deadlock or serialisation failure between two groups' roll-ups rolls one write back: it is written again. */
    private static final Set<String> RETRYABLE = Set.of("40P01", "40001");
    private static final int ATTEMPTS = 3;
    private static final long REFERENCE_WAIT_MINUTES = 10;

    /** A record made, and who made it (a later change of it is theirs too). */
    private record Made(UUID id, SamplePeople.Person by) {
    }

    /** A write of the set failed; {@code handle} names it. */
    static final class WriteFailed extends RuntimeException {

        private final transient SampleRecord record;

        WriteFailed(SampleRecord record, Throwable cause) {
            super(cause.getMessage(), cause, false, false);
            this.record = record;
        }

        SampleRecord record() {
            return record;
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("the load stopped", null, false, false);
        }
    }

    private final RecordCommands commands;
    private final String app;
    private final SamplePeople.Company company;
    private final SamplePeople.Person loader;
    private final SampleJob job;
    private final Map<String, CompletableFuture<Made>> made = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    SampleWrites(RecordCommands commands, String app, SamplePeople.Company company, SamplePeople.Person loader, SampleJob job) {
        this.commands = commands;
        this.app = app;
        this.company = company;
        this.loader = loader;
        this.job = job;
    }

    /** Writes every group, {@code parallelism} at a time; throws the first failure once the running groups stopped. */
    void run(Stream<List<SampleRecord>> groups, int parallelism) {
        AtomicInteger thread = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, task -> {
            Thread t = new Thread(task, "brickwork-samples-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // a few groups queue ahead of the workers, never the whole (lazy) set
        Semaphore ahead = new Semaphore(parallelism * 2);
        try {
            for (Iterator<List<SampleRecord>> it = groups.iterator(); failure.get() == null && it.hasNext(); ) {
                List<SampleRecord> group = it.next();
                ahead.acquire();
                workers.execute(() -> {
                    try {
                        if (failure.get() == null) {
                            group.forEach(this::write);
                        }
                    } catch (RuntimeException e) {
                        stop(e);
                    } finally {
                        ahead.release();
                    }
                });
            }
            workers.shutdown();
            while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                // a large set takes many minutes: keep waiting for the groups started
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(new IllegalStateException("The sample load was interrupted", e));
        } finally {
            workers.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void write(SampleRecord record) {
        if (failure.get() != null) {
            throw new Stopped();
        }
        try {
            if (record.change()) {
                change(record);
            } else {
                create(record);
            }
        } catch (Stopped e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WriteFailed(record, e);
        }
    }

    private void create(SampleRecord record) {
        SamplePeople.Person by = record.owner() == null ? loader : person(record.owner());
        ObjectNode body = JsonBodies.mapper().createObjectNode();
        body.set("fields", SampleRefs.resolve(record.fields(), this::id));
        RecordCommands.Written written = attempt(() -> commands.create(app, record.form(), body, null, as(by)));
        UUID id = UUID.fromString(written.record().get("id").asText());
        made(record.handle()).complete(new Made(id, by));
        job.recordCreated(record.form(), warned(written.record()));
    }

    private void change(SampleRecord record) {
        Made target = await(record.handle());
        ObjectNode body = JsonBodies.mapper().createObjectNode();
        body.set("fields", SampleRefs.resolve(record.fields(), this::id));
        ObjectNode changed = attempt(() -> commands.update(app, record.form(), target.id(), body, null, as(target.by())));
        job.recordChanged(warned(changed));
    }

    /**
     * The rights of a flow (every form and field; docs/spec.md §5), in the name of the record's owner: the sample
     * company's history has confirmed payments and approved quotes whose status only a flow may set for their owner.
     */
    private static Access as(SamplePeople.Person by) {
        return Access.system(by.id(), by.username());
    }

    private String id(SampleRefs.Marker marker) {
        return switch (marker.kind()) {
            case SampleRefs.RECORD -> await(marker.name()).id().toString();
            case SampleRefs.USER -> person(marker.name()).id().toString();
            case SampleRefs.DEPARTMENT -> {
                UUID department = company.departments().get(marker.name());
                if (department == null) {
                    throw new IllegalStateException("A sample record names a department the load did not make");
                }
                yield department.toString();
            }
            default -> throw new IllegalStateException("Unknown sample marker " + marker.kind());
        };
    }

    private SamplePeople.Person person(String handle) {
        SamplePeople.Person person = company.users().get(handle);
        if (person == null) {
            throw new IllegalStateException("A sample record names a user the set does not have");
        }
        return person;
    }

    private CompletableFuture<Made> made(String handle) {
        return made.computeIfAbsent(handle, h -> failure.get() == null ? new CompletableFuture<>()
                : CompletableFuture.failedFuture(new Stopped()));
    }

    private Made await(String handle) {
        try {
            return made(handle).get(REFERENCE_WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new Stopped();
        } catch (TimeoutException e) {
            throw new IllegalStateException("A sample record refers to one that was never made");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** Keeps the first failure and releases every write waiting for a record that will now never be made. */
    private void stop(RuntimeException why) {
        if (why instanceof Stopped || !failure.compareAndSet(null, why)) {
            return;
        }
        made.values().forEach(pending -> pending.completeExceptionally(new Stopped()));
    }

    private static <T> T attempt(Supplier<Uni<T>> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return VertxContextSupport.subscribeAndAwait(write);
            } catch (Throwable e) {
                if (attempt < ATTEMPTS && e instanceof PgException pg && RETRYABLE.contains(pg.getSqlState())) {
                    continue;
                }
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("A sample write failed", e);
            }
        }
    }

    private static boolean warned(JsonNode record) {
        return record.path("meta").path("duplicates").size() > 0;
    }

    /** The refusal as the records API would answer it, or null for an unexpected failure (logged by the caller). */
    static ProblemException refusal(Throwable failure) {
        Throwable cause = failure instanceof WriteFailed ? failure.getCause() : failure;
        return cause instanceof ProblemException problem ? problem : null;
    }
}
