package dev.brickwork.bench;

/**
 * The benchmark's settings, from the environment: BENCH_URL (server base URL), BENCH_JDBC_URL, BENCH_DB_USER,
 * BENCH_DB_PASSWORD, BENCH_ADMIN_PASSWORD, BENCH_ROWS [1000000], BENCH_SECONDS [20], BENCH_CLIENTS [8],
 * BENCH_WARMUP [45] (seconds of uncounted mixed work first), BENCH_ROUNDS [2] (API and raw take turns; BENCH_SECONDS
 * is split between the rounds), BENCH_PAGES [5] (pages per keyset walk: the first page, then nextCursor),
 * BENCH_SERVER_PID (optional: CPU accounting of the server process per phase), BENCH_STAGE_ID_INDEX [false].
 */
final class Config {

    final String baseUrl;
    final String jdbcUrl;
    final String dbUser;
    final String dbPassword;
    final String adminPassword;
    final int rows;
    final int seconds;
    final int clients;
    final int warmup;
    final int pagesPerWalk;
    final long serverPid;

    private Config() {
        baseUrl = env("BENCH_URL", "http://127.0.0.1:18090");
        jdbcUrl = env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/brickwork_bench");
        dbUser = env("BENCH_DB_USER", "postgres");
        dbPassword = env("BENCH_DB_PASSWORD", "");
        adminPassword = required("BENCH_ADMIN_PASSWORD");
        rows = Integer.parseInt(env("BENCH_ROWS", "1000000"));
        seconds = Integer.parseInt(env("BENCH_SECONDS", "20"));
        clients = Integer.parseInt(env("BENCH_CLIENTS", "8"));
        warmup = Integer.parseInt(env("BENCH_WARMUP", "45"));
        pagesPerWalk = Integer.parseInt(env("BENCH_PAGES", "5"));
        serverPid = Long.parseLong(env("BENCH_SERVER_PID", "0"));
    }

    static Config fromEnvironment() {
        return new Config();
    }

    /** How many turns API and raw take per phase (read when a phase starts). */
    int rounds() {
        return Integer.parseInt(env("BENCH_ROUNDS", "2"));
    }

    /** Whether (stage, id DESC) is added even when the planner does not need it. */
    boolean stageIdIndex() {
        return Boolean.parseBoolean(env("BENCH_STAGE_ID_INDEX", "false"));
    }

    /** The database name in the JDBC URL: its PostgreSQL backends are the ones whose CPU is counted. */
    String database() {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
