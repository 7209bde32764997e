package dev.brickwork.runtime.flows;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.brickwork.runtime.flows.ApprovalWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * An effect the record refuses (an update node setting a stage the form does not have) is retried, holds the record's
 * later effects back meanwhile, is set aside after its last attempt so the rest lands, and an administrator sees,
 * retries or discards it. (A flow's value writes count only while the record is pending: one retried after the
 * outcome landed applies nothing.)
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class FlowEffectFailureTest {

    private static final String BAD_UPDATE = """
            {"schemaVersion": 1, "key": "bad_update", "form": "contract",
             "trigger": {"on": "create", "when": "amount > 800000 and amount < 900000"},
             "nodes": [{"type": "update", "set": {"stage": "archived"}}]}
            """;
    private static final String BAD_OUTCOME = """
            {"schemaVersion": 1, "key": "bad_outcome", "form": "contract",
             "trigger": {"on": "create", "when": "amount >= 900000"},
             "nodes": [{"type": "notify", "to": [{"field": "owner"}], "message": "Big contract"}],
             "onApproved": {"set": {"stage": "archived"}}}
            """;
    private static final String EFFECTS = "/api/v1/admin/flow-effects";

    private static ApprovalWorld world;

    @Inject
    FlowEffects effects;

    @BeforeEach
    void setUp() {
        AsAdmin.signOut();
        if (world == null) {
            world = new ApprovalWorld("flow_effect_failures");
            world.publishFlow("bad_update", BAD_UPDATE);
            world.publishFlow("bad_outcome", BAD_OUTCOME);
        }
    }

    private String contract(String amount) {
        return as(world.rep).body("{\"fields\": {\"title\": \"" + People.unique("Odd") + "\", \"customer\": \"" + world.customer
                + "\", \"amount\": \"" + amount + "\", \"stage\": \"draft\"}}").post(world.base + "contract/records").then()
                .statusCode(201).extract().path("id");
    }

    /** Drains until the refused effect has had all its attempts (the background drain may take some of them). */
    private void exhaust(String contract) {
        for (int attempt = 0; attempt < FlowEffects.MAX_ATTEMPTS; attempt++) {
            effects.drain(UUID.fromString(contract)).await().indefinitely();
        }
    }

    private Number setAside(String contract) {
        return People.asAdmin().get(EFFECTS).then().statusCode(200)
                .extract().path("items.find { it.record == '" + contract + "' }.seq");
    }

    @Test
    void aRefusedEffectHoldsTheRestBackUntilItIsSetAside() {
        // given: the flow ran through at once, but its update was refused, so its outcome waits
        String contract = contract("850000");
        world.record(contract).body("approval", equalTo("pending")).body("fields.stage", equalTo("draft"));

        // when
        exhaust(contract);

        // then: set aside, and the outcome landed without the refused value
        world.record(contract).body("approval", equalTo("approved")).body("fields.stage", equalTo("draft"));
        People.asAdmin().get(EFFECTS).then().statusCode(200)
                .body("items.find { it.record == '" + contract + "' }.kind", equalTo("update"))
                .body("items.find { it.record == '" + contract + "' }.attempts", equalTo(FlowEffects.MAX_ATTEMPTS))
                .body("items.find { it.record == '" + contract + "' }.lastError", equalTo("RECORD_INVALID"));
    }

    @Test
    void anAdministratorRetriesOrDiscardsASetAsideEffect() {
        // given: the outcome itself is refused, so the record stays pending
        String contract = contract("950000");
        exhaust(contract);
        long seq = setAside(contract).longValue();
        world.record(contract).body("approval", equalTo("pending"));

        // when: a retry still fails (nothing was mended), so the effect is back in line, not landed
        People.asAdmin().post(EFFECTS + "/" + seq + "/retry").then().statusCode(200)
                .body("done", equalTo(false));
        exhaust(contract);

        // when: discarded
        People.asAdmin().delete(EFFECTS + "/" + seq).then().statusCode(204);

        // then
        People.asAdmin().get(EFFECTS).then().statusCode(200).body("items.seq", not(hasItem((int) seq)));
        People.asAdmin().delete(EFFECTS + "/" + seq).then().statusCode(404).body("code", equalTo("EFFECT_NOT_FOUND"));
        People.asAdmin().post(EFFECTS + "/" + seq + "/retry").then().statusCode(404);
        People.asAdmin().delete(EFFECTS + "/not-a-number").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anEffectTheDatabaseRefusesIsCountedAndSetAsideWithoutFailingTheDrain() {
        // given: a notification for a user who does not exist (the notifications table refuses it), then a good one
        String contract = world.contract("Plain deal", "1000");
        insertNotify(contract, UUID.randomUUID().toString());
        insertNotify(contract, world.repId);

        // when: the first drain refuses the first effect: nothing fails, the attempt is counted, the second waits
        effects.drain(UUID.fromString(contract)).await().indefinitely();

        // then: counted (the periodic sweep, retrying at once in tests, may have counted attempts of its own), and
        // while it is not set aside the good one waits behind it; one statement, so both come from one snapshot
        String[] attemptsAndRows = Db.single("SELECT e.attempts || '/' || (SELECT count(*) FROM brickwork.flow_effects a"
                + " WHERE a.record_id = e.record_id) FROM brickwork.flow_effects e WHERE e.record_id = ?::uuid"
                + " ORDER BY e.seq LIMIT 1", contract).split("/");
        int attempts = Integer.parseInt(attemptsAndRows[0]);
        assertThat(attempts).isPositive();
        if (attempts < FlowEffects.MAX_ATTEMPTS) {
            assertThat(attemptsAndRows[1]).isEqualTo("2");
        }

        // when: its attempts run out, it is set aside and the good one lands
        exhaust(contract);
        assertThat(Db.count("SELECT count(*) FROM brickwork.flow_effects WHERE record_id = ?::uuid", contract)).isEqualTo(1);
        People.asAdmin().get(EFFECTS).then().statusCode(200)
                .body("items.find { it.record == '" + contract + "' }.lastError", equalTo("SQLSTATE_23503"));
        as(world.rep).get("/api/v1/notifications").then().statusCode(200)
                .body("items.findAll { it.record == '" + contract + "' }.size()", equalTo(1));
    }

    @Test
    void twoDrainsOfOneRecordAtOnceApplyEachEffectOnce() {
        // given
        String contract = world.contract("Twice drained", "1000");
        insertNotify(contract, world.repId);
        insertNotify(contract, world.repId);

        // when: two drains race for the same record's effects
        UUID record = UUID.fromString(contract);
        io.smallrye.mutiny.Uni.combine().all().unis(effects.drain(record), effects.drain(record)).discardItems()
                .await().atMost(java.time.Duration.ofSeconds(30));

        // then: both effects landed, each once
        assertThat(Db.count("SELECT count(*) FROM brickwork.flow_effects WHERE record_id = ?::uuid", contract)).isZero();
        assertThat(Db.count("SELECT count(*) FROM brickwork.notifications WHERE record_id = ?::uuid AND message = 'Hello'",
                contract)).isEqualTo(2);
    }

    private static void insertNotify(String contract, String user) {
        Db.execute("INSERT INTO brickwork.flow_effects (app_key, form_key, record_id, kind, payload) VALUES (?, 'contract',"
                        + " ?::uuid, 'notify', ?::jsonb)", world.app, contract,
                "{\"kind\": \"message\", \"message\": \"Hello\", \"users\": [\"" + user + "\"]}");
    }
}
