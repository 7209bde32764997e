package dev.brickwork.bench;

import java.sql.Connection;
import java.util.Locale;
import java.util.UUID;

/**
 * The records benchmark: records created per second and keyset pages per second through Brickwork's HTTP API,
 * each against the same work done with plain JDBC on the same PostgreSQL database (same table, same rows, same
 * indexes). Started by {@code bench/records.sh}, which starts the server against a fresh database, compiles
 * {@code bench/src} and runs this class with the PostgreSQL driver on the class path; {@link Config} lists the
 * environment it reads.
 *
 * <p>Phase C lists the same keyset pages as a user whose role reads with scope {@code department} and as the admin:
 * the loaded rows are owned by ten users in five departments, so a department sees about a fifth of them.
 */
public final class RecordsBenchmark {

    private RecordsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.fromEnvironment();
        System.out.printf(Locale.ROOT, "rows %,d  clients %d  %d s per side and phase after %d s warm-up  %d cores shared by"
                        + " server, PostgreSQL and this client%n", config.rows, config.clients, config.seconds, config.warmup,
                config.cores());

        Api api = new Api(config.baseUrl);
        Database db = new Database(config.jdbcUrl, config.dbUser, config.dbPassword);
        api.loginAsAdmin(config.adminPassword);
        Setup setup = new Setup(api);
        setup.design();
        People people = setup.people();
        BulkLoad bulk = new BulkLoad(config, db, people);
        UUID adminId;
        try (Connection c = db.connect()) {
            adminId = BulkLoad.adminId(c);
            bulk.load(c);
            bulk.indexes(c);
        }
        Workers make = new Workers(api, db, Deal.valueSets(), adminId, config.pagesPerWalk);
        Checks checks = new Checks(api, db, people, config.pagesPerWalk);
        Phases phases = new Phases(config);

        phases.warmUp(make);

        System.out.println();
        System.out.println("== Phase A: create records (single row each, autocommit on the raw side)");
        Tally[] create = phases.compare("API  POST records", make::apiCreate, "raw  INSERT", make::rawInsert);

        bulk.handOver(adminId);
        long rowsBeforePages = bulk.vacuumAndCount();
        checks.pagesAgree();

        System.out.println();
        System.out.println("== Phase B: keyset pages of " + Form.PAGE + " newest with stage = '" + Form.FILTER_STAGE
                + "' (walks of " + config.pagesPerWalk + " pages: first page, then the next cursor)");
        Tally[] pages = phases.compare("API  GET records", thread -> make.apiPages(), "raw  SELECT",
                thread -> make.rawPages());

        System.out.println();
        System.out.println("== Floor: GET /api/v1/me (authenticated, reads nothing) against the raw page SELECT of phase B");
        Tally[] floor = phases.compare("API  GET /me", thread -> new ApiFloor(api), "raw  SELECT", thread -> make.rawPages());

        System.out.println();
        System.out.println("== Phase C: the same keyset pages as user " + people.ownerNames[0] + " (role "
                + People.READER_ROLE + ": read scope department, " + People.USERS_PER_DEPARTMENT
                + " users in the department) and as the admin");
        String userToken = api.login(people.ownerNames[0], people.ownerPasswords[0]);
        checks.departmentScope(userToken);
        int scopedWarmUp = Math.max(3, config.warmup / 3);
        System.out.println("warming up both sides (user, admin) for " + scopedWarmUp + " s each, not counted");
        String adminToken = api.adminToken();
        Tally[] scoped = phases.compare("user  GET records", thread -> make.apiPages(userToken), "admin GET records",
                thread -> make.apiPages(adminToken), scopedWarmUp);

        System.out.println();
        System.out.printf(Locale.ROOT, "%d clients, %d s per side and phase, %,d rows loaded (%,d before phase B); %d cores"
                        + " shared by the server, PostgreSQL and the benchmark client%n", config.clients, config.seconds,
                config.rows, rowsBeforePages, config.cores());
        Report.summary("records created/s", "API", create[0], "raw", create[1], 50);
        Report.summary("keyset pages/s", "API", pages[0], "raw", pages[1], 60);
        Report.summary("department-scope pages/s", "user", scoped[0], "admin", scoped[1], 80);
        Report.floor("no-op requests/s (floor)", floor[0], floor[1], create[1], 50, pages[1], 60);
        long errors = 0;
        for (Tally tally : new Tally[] {create[0], create[1], pages[0], pages[1], floor[0], floor[1], scoped[0], scoped[1]}) {
            errors += tally.errors;
        }
        if (errors > 0) {
            System.out.println("ERRORS: " + errors + " failed requests or statements (see above)");
            System.exit(2);
        }
    }
}
