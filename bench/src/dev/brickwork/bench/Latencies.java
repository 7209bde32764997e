package dev.brickwork.bench;

import java.util.Arrays;

/** Latencies of sequential calls, in milliseconds: median and 95th percentile. */
final class Latencies {

    private final double[] millis;

    Latencies(double[] millis) {
        this.millis = millis.clone();
        Arrays.sort(this.millis);
    }

    int count() {
        return millis.length;
    }

    double median() {
        return percentile(50);
    }

    double p95() {
        return percentile(95);
    }

    /** Nearest rank. */
    double percentile(int p) {
        if (millis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * millis.length);
        return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
    }

    /** Times {@code call} up to {@code n} times, or until {@code maxSeconds} have passed after at least 20 calls. */
    static Latencies time(int n, int maxSeconds, Call call) throws Exception {
        double[] taken = new double[n];
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        int done = 0;
        while (done < n && (done < 20 || System.nanoTime() < deadline)) {
            long start = System.nanoTime();
            call.run();
            taken[done++] = (System.nanoTime() - start) / 1e6;
        }
        return new Latencies(Arrays.copyOf(taken, done));
    }

    interface Call {
        void run() throws Exception;
    }
}
