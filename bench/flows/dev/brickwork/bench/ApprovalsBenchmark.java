package dev.brickwork.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The approvals benchmark: "submit → two-step approval → approved" per second through Brickwork's HTTP API against
 * the same BPMN driven through the engine's Java API, on the same PostgreSQL database, in alternating rounds.
 * Started by {@code bench/approvals.sh}; {@link Config} lists the environment it reads, plus BENCH_DEALS (deals per
 * client prepared before the rounds [400]).
 */
public final class ApprovalsBenchmark {

    private ApprovalsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.fromEnvironment();
        int deals = Integer.parseInt(Config.env("BENCH_DEALS", "400"));
        System.out.printf(Locale.ROOT, "clients %d  %d s per side after %d s warm-up each  %d cores shared by server,"
                + " PostgreSQL and this client (which also runs the bare engine)%n", config.clients, config.seconds,
                config.warmup, config.cores());

        Api api = new Api(config.baseUrl);
        api.loginAsAdmin(config.adminPassword);
        FlowWorld world = new FlowWorld(api);
        world.design();
        List<FlowWorld.Team> teams = new ArrayList<>();
        for (int n = 0; n < config.clients; n++) {
            teams.add(world.team(n, deals));
        }
        System.out.printf(Locale.ROOT, "%d teams (a rep in a department with its manager, a director), %d deals each,"
                + " created through the API%n", teams.size(), deals);

        try (BareEngine bare = new BareEngine(config, world.bpmn());
             LeanHttp http = new LeanHttp(config.baseUrl, config.clients)) {
            System.out.println("bare engine: the server's BPMN deployed as " + bare.processDefinitionId);
            Phases phases = new Phases(config);
            System.out.println();
            System.out.println("== submit -> manager approves -> director approves -> approved");
            Tally[] flows = phases.compare("API  approvals", thread -> new ApiApproval(http, teams.get(thread)),
                    "bare approvals", thread -> new BareApproval(bare, thread), config.warmup);

            System.out.println();
            System.out.printf(Locale.ROOT, "%d clients, %d s per side; %d cores shared by the server, PostgreSQL and the"
                    + " benchmark client%n", config.clients, config.seconds, config.cores());
            Report.summary("approvals/s", "API", flows[0], "bare", flows[1], 75);
            if (flows[0].errors + flows[1].errors > 0) {
                System.out.println("ERRORS: " + (flows[0].errors + flows[1].errors) + " failed approvals (see above)");
                System.exit(2);
            }
        }
    }
}
