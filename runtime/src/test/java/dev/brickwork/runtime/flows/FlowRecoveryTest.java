package dev.brickwork.runtime.flows;

import dev.brickwork.platform.Ids;
import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static dev.brickwork.runtime.flows.ApprovalWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A server killed between a submit's commit and the flow's start, then restarted: the outbox row survives, the
 * restart's sweep starts the flow once, and delivering it again (a retry, a second node) starts nothing more.
 * Timers fire reminders and escalations.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class FlowRecoveryTest {

    private static ApprovalWorld world;

    @Inject
    FlowOutbox outbox;

    @Inject
    FlowEngines engines;

    @Inject
    FlowEffects effects;

    @BeforeEach
    void setUp() {
        AsAdmin.signOut();
        if (world == null) {
            world = new ApprovalWorld("flow_crash");
        }
    }

    @Test
    void aSubmitWhoseDeliveryDiedIsStartedOnceAfterARestart() {
        String contract = world.contract("Crash deal", "50000");
        String definition = Db.single("SELECT v.process_definition_id FROM brickwork.flow_versions v"
                + " JOIN brickwork.flows f ON f.id = v.flow_id JOIN brickwork.apps a ON a.id = f.app_id"
                + " WHERE a.app_key = ? AND f.flow_key = 'contract_approval' ORDER BY v.number DESC LIMIT 1", world.app);
        UUID entry = Ids.newId();
        // exactly what a submit's transaction commits; the process then "dies" before delivering
        Db.execute("WITH moved AS (UPDATE app_" + world.app + ".contract SET approval = 'pending', version = version + 1"
                        + " WHERE id = ?::uuid RETURNING id)"
                        + " INSERT INTO brickwork.flow_outbox (id, kind, app_key, form_key, record_id, flow_key,"
                        + " process_definition_id, actor) SELECT ?::uuid, 'start', ?, 'contract', id, 'contract_approval', ?,"
                        + " ?::uuid FROM moved",
                contract, entry.toString(), world.app, definition, world.repId);
        assertThat(world.managerHasNoTaskOn(contract)).isTrue();

        // the restart: recovery delivers what the outbox holds, twice over as two nodes might
        outbox.sweep(true).await().atMost(Duration.ofSeconds(60));
        outbox.deliver(new FlowOutbox.Entry(entry, "start", world.app, "contract", UUID.fromString(contract),
                "contract_approval", definition, UUID.fromString(world.repId)), Actor.FLOW).await().atMost(Duration.ofSeconds(60));
        outbox.sweep(true).await().atMost(Duration.ofSeconds(60));

        assertThat(Db.count("SELECT count(*) FROM brickwork.flow_outbox WHERE record_id = ?::uuid", contract)).isZero();
        assertThat(engines.blockingEngine().tasksFor(contract)).hasSize(1);
        world.decide(world.manager, world.taskOn(world.manager, contract), "approve", null).statusCode(200)
                .body("record.approval", equalTo("approved"));
        assertThat(engines.blockingEngine().running(contract)).isFalse();
    }

    @Test
    void aTimerRemindsTheApproverWhoIsStillWaited() {
        String contract = world.contract("Slow deal", "50000");
        world.submit(world.rep, contract).statusCode(200);
        String task = world.taskOn(world.manager, contract);
        assertThat(engines.blockingEngine().fireTimers(contract)).isEqualTo(1);
        effects.drainAll().await().atMost(Duration.ofSeconds(30));
        as(world.manager).get("/api/v1/notifications?unread=true").then().statusCode(200)
                .body("items.kind", hasItem("reminder"));
        // a reminder leaves the task where it was
        assertThat(world.taskOn(world.manager, contract)).isEqualTo(task);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as(world.rep).get(world.base + "contract/records/" + contract + "/timeline").then()
                        .body("items.detail.timeoutAction", hasItem("remind")));
    }
}
