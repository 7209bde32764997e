package dev.brickwork.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the load: the uncounted warm-up, and each phase as rounds of one side against the other, with
 * {@code BENCH_CLIENTS} client threads per side and the CPU used meanwhile.
 */
final class Phases {

    private final Config config;
    private final String database;

    Phases(Config config) {
        this.config = config;
        this.database = config.database();
    }

    /**
     * Before anything is counted, {@code BENCH_WARMUP} seconds of all four kinds of work at once (API create, API
     * pages, raw INSERT, raw SELECT; the clients split between them): on two shared cores the server's JIT takes tens
     * of seconds to compile the request paths, and a cold server would be measured instead of the API.
     */
    void warmUp(Workers make) throws Exception {
        if (config.warmup <= 0) {
            return;
        }
        long start = System.nanoTime();
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(4, config.clients); t++) {
            workers.add(switch (t % 4) {
                case 0 -> make.apiCreate(t);
                case 1 -> make.apiPages();
                case 2 -> make.rawInsert(t);
                default -> make.rawPages();
            });
        }
        Tally tally = new Tally("warm-up");
        run(tally, workers, config.warmup, 0, 0, 0, false);
        for (Worker worker : workers) {
            worker.close();
        }
        System.out.printf(Locale.ROOT, "warmed up for %.0f s: API create, API pages, raw INSERT and raw SELECT at once,"
                + " not counted%n", Clock.seconds(start));
    }

    /**
     * Runs the API side and the raw side in alternating rounds (API, raw, API, raw ...), so that whatever else the
     * machine does at the time weighs on both alike. Each side is warmed up once before its first round.
     */
    Tally[] compare(String apiName, Worker.Factory api, String rawName, Worker.Factory raw) throws Exception {
        return compare(apiName, api, rawName, raw, 0);
    }

    /** As above, after {@code warm} uncounted seconds of each side (first one, then the other). */
    Tally[] compare(String apiName, Worker.Factory api, String rawName, Worker.Factory raw, int warm) throws Exception {
        List<Worker> apiWorkers = workers(api);
        List<Worker> rawWorkers = workers(raw);
        Tally apiTally = new Tally(apiName);
        Tally rawTally = new Tally(rawName);
        if (warm > 0) {
            run(new Tally(apiName), apiWorkers, warm, 0, 0, 0, false);
            run(new Tally(rawName), rawWorkers, warm, 0, 0, 0, false);
            settleJit();
        }
        int seconds = config.seconds;
        int rounds = Math.max(1, Math.min(config.rounds(), seconds));
        for (int round = 1; round <= rounds; round++) {
            int length = seconds / rounds + (round <= seconds % rounds ? 1 : 0);
            int lead = round == 1 ? 3 : 1;
            run(apiTally, apiWorkers, lead, length, round, rounds, true);
            run(rawTally, rawWorkers, lead, length, round, rounds, true);
        }
        for (Worker worker : apiWorkers) {
            worker.close();
        }
        for (Worker worker : rawWorkers) {
            worker.close();
        }
        Report.side(apiTally);
        Report.side(rawTally);
        return new Tally[] {apiTally, rawTally};
    }

    /**
     * Waits (up to 60 s) until this JVM's JIT compiler has been idle for two seconds: the second warm-up leaves a
     * queue of compilations (a bare engine's code is large) that would otherwise run in the first side's first round,
     * on its time.
     */
    private static void settleJit() throws InterruptedException {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long start = System.nanoTime();
        long last = jit.getTotalCompilationTime();
        int quiet = 0;
        while (quiet < 2 && Clock.seconds(start) < 60) {
            Thread.sleep(1000);
            long now = jit.getTotalCompilationTime();
            quiet = now - last < 20 ? quiet + 1 : 0;
            last = now;
        }
        System.out.printf(Locale.ROOT, "client JIT quiet after %.0f s%n", Clock.seconds(start));
    }

    private List<Worker> workers(Worker.Factory factory) throws Exception {
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < config.clients; t++) {
            workers.add(factory.create(t));
        }
        return workers;
    }

    /** One round of one side: every worker on its own thread, {@code lead} seconds uncounted, then {@code length} counted. */
    private void run(Tally tally, List<Worker> workers, int lead, int length, int round, int rounds, boolean print)
            throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(workers.size());
        // each round starts on a collected heap: the other side's garbage (the bare engine's, in this JVM) is not
        // collected on this side's time
        System.gc();
        long begin = System.nanoTime() + 100_000_000L;
        long measureFrom = begin + lead * 1_000_000_000L;
        long measureTo = measureFrom + length * 1_000_000_000L;
        for (int t = 0; t < workers.size(); t++) {
            Worker worker = workers.get(t);
            Thread thread = new Thread(() -> {
                try {
                    Clock.sleepUntil(begin);
                    long now;
                    do {
                        boolean success;
                        try {
                            success = worker.call();
                        } catch (IOException | SQLException e) {
                            Report.error(tally.name + ": " + e);
                            success = false;
                        }
                        now = System.nanoTime();
                        if (now >= measureFrom && now < measureTo) {
                            (success ? ok : errors).incrementAndGet();
                        }
                    } while (now < measureTo);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, tally.name + "-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        Clock.sleepUntil(measureFrom);
        Cpu before = Cpu.sample(config.serverPid, database);
        Clock.sleepUntil(measureTo);
        Cpu after = Cpu.sample(config.serverPid, database);
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException(tally.name + " failed", failure.get());
        }
        Cpu used = after.minus(before);
        tally.ok += ok.get();
        tally.errors += errors.get();
        tally.seconds += length;
        tally.cpu = tally.cpu.plus(used);
        if (print) {
            Report.round(round, rounds, tally.name, ok.get(), errors.get(), length, used);
        }
    }
}
