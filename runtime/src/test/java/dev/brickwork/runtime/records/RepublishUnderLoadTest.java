package dev.brickwork.runtime.records;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Admins change forms while staff work: every read and write keeps answering across publishes that add, remove and
 * retype fields, on connections whose prepared statements were made for an earlier version.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class RepublishUnderLoadTest {

    /** The versions a form goes through: fields added, a field retyped, fields (and a subtable's field) removed. */
    private static final List<String> VERSIONS = List.of(
            form("{\"key\": \"qty\", \"type\": \"number\", \"integer\": true}", "{\"key\": \"item\", \"type\": \"text\"}"),
            form("{\"key\": \"qty\", \"type\": \"number\", \"integer\": true}, {\"key\": \"note\", \"type\": \"text\"}",
                    "{\"key\": \"item\", \"type\": \"text\"}, {\"key\": \"price\", \"type\": \"money\", \"currency\": \"CNY\"}"),
            form("{\"key\": \"qty\", \"type\": \"text\"}, {\"key\": \"note\", \"type\": \"text\"}",
                    "{\"key\": \"item\", \"type\": \"text\"}, {\"key\": \"price\", \"type\": \"money\", \"currency\": \"CNY\"}"),
            form("{\"key\": \"qty\", \"type\": \"text\"}", "{\"key\": \"price\", \"type\": \"money\", \"currency\": \"CNY\"}"),
            form("{\"key\": \"size\", \"type\": \"number\"}", "{\"key\": \"price\", \"type\": \"money\", \"currency\": \"CNY\"}"));

    @BeforeEach
    void signIn() {
        AsAdmin.signIn();
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void everyCallRightAfterEachPublishAnswersAndEveryPatchStays() {
        Staff staff = firstVersion("rep_seq");
        String id = staff.create("{\"fields\": {\"name\": \"first\", \"qty\": 3, \"lines\": [{\"item\": \"a\"}]}}").body()
                .path("id").asText();
        List<Staff.Answer> failures = new ArrayList<>();
        for (int version = 1; version < VERSIONS.size(); version++) {
            // calls that leave the statements of this version prepared (and cached) on the pooled connections
            for (int i = 0; i < 3; i++) {
                everyCall(staff, id, "v" + version + "-" + i, failures);
            }
            Design.publishDefinition("rep_seq", "item", VERSIONS.get(version));
            for (int i = 0; i < 3; i++) {
                String name = "v" + (version + 1) + "-" + i;
                everyCall(staff, id, name, failures);
                assertThat(staff.get(id).body().path("fields").path("name").asText()).isEqualTo(name);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void staffWritingAndReadingOnSeveralThreadsWhilePublishesHappenGetNoServerErrorAndLoseNoPatch() throws Exception {
        Staff staff = firstVersion("rep_load");
        List<String> seeded = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seeded.add(staff.create("{\"fields\": {\"name\": \"seed\", \"lines\": [{\"price\": \"1.00\"}]}}").body()
                    .path("id").asText());
        }
        ConcurrentLinkedQueue<Staff.Answer> failures = new ConcurrentLinkedQueue<>();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        int threads = 6;
        AtomicInteger[] done = new AtomicInteger[threads];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            AtomicInteger calls = done[t] = new AtomicInteger();
            boolean writer = t % 2 == 0;
            int number = t;
            workers.add(pool.submit(() -> {
                String own = null;
                for (int i = 0; !stop.get(); i++) {
                    if (writer && own == null) {
                        Staff.Answer created = staff.create("{\"fields\": {\"name\": \"w" + number + "\"}}");
                        check(created, failures);
                        own = created.status() == 201 ? created.body().path("id").asText() : null;
                    } else if (writer) {
                        String name = "w" + number + "-" + i;
                        Staff.Answer patched = staff.patch(own, "{\"fields\": {\"name\": \"" + name + "\"}}");
                        check(patched, failures);
                        if (patched.status() == 200) {
                            acknowledged.put(own, name);
                        }
                    } else {
                        String id = seeded.get(ThreadLocalRandom.current().nextInt(seeded.size()));
                        check(switch (i % 3) {
                            case 0 -> staff.get(id);
                            case 1 -> staff.list("?sort=-createdAt&limit=20");
                            default -> staff.timeline(id);
                        }, failures);
                    }
                    calls.incrementAndGet();
                }
            }));
        }
        try {
            for (int version = 1; version < VERSIONS.size(); version++) {
                everyThreadCallsAgain(done, 5);
                Design.publishDefinition("rep_load", "item", VERSIONS.get(version));
            }
            everyThreadCallsAgain(done, 5);
        } finally {
            stop.set(true);
            pool.shutdown();
        }
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (Future<?> worker : workers) {
            worker.get();
        }

        assertThat(failures).isEmpty();
        assertThat(acknowledged).hasSize(threads / 2);
        acknowledged.forEach((id, name) -> assertThat(Db.rows(
                "SELECT name FROM app_rep_load.item WHERE id = ?::uuid", id)).containsExactly(List.of(name)));
    }

    @Test
    void aNodeThatHasNotHeardOfAnotherNodesPublishReloadsTheFormInsteadOfFailing() {
        Staff staff = firstVersion("rep_node");
        String id = staff.create("{\"fields\": {\"name\": \"first\", \"qty\": 3, \"lines\": [{\"item\": \"a\"}]}}").body()
                .path("id").asText();
        List<Staff.Answer> failures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            everyCall(staff, id, "before-" + i, failures);
        }

        // another node publishes: qty becomes text, the lines lose their item; no announcement reaches this node
        Db.execute("ALTER TABLE app_rep_node.item ALTER COLUMN qty TYPE text USING qty::text");
        Db.execute("ALTER TABLE app_rep_node.item__lines RENAME COLUMN item TO _removed_v2_item");
        Db.execute("INSERT INTO brickwork.form_versions (id, form_id, number, definition, migration)"
                + " SELECT gen_random_uuid(), f.id, 2, ?::jsonb, '[]' FROM brickwork.forms f"
                + " JOIN brickwork.apps a ON a.id = f.app_id WHERE a.app_key = 'rep_node' AND f.form_key = 'item'",
                form("{\"key\": \"qty\", \"type\": \"text\"}", "{\"key\": \"price\", \"type\": \"money\", \"currency\": \"CNY\"}"));
        Db.execute("ALTER TABLE app_rep_node.item__lines ADD COLUMN price numeric");
        Db.execute("UPDATE brickwork.forms SET current_version = 2 WHERE form_key = 'item'"
                + " AND app_id = (SELECT id FROM brickwork.apps WHERE app_key = 'rep_node')");

        for (int i = 0; i < 10; i++) {
            everyCall(staff, id, "after-" + i, failures);
        }
        assertThat(failures).isEmpty();
        Staff.Answer record = staff.get(id);
        assertThat(record.body().path("fields").path("qty").asText()).isEqualTo("3");
        assertThat(record.body().path("fields").path("name").asText()).isEqualTo("after-9");
        assertThat(record.body().path("fields").path("lines").get(0).has("item")).isFalse();
    }

    /** A new app with the first version of the form published, and staff working on it. */
    private static Staff firstVersion(String app) {
        Design.createApp(app).statusCode(201);
        Design.publishDefinition(app, "item", VERSIONS.get(0));
        return new Staff(app, "item");
    }

    private static void everyCall(Staff staff, String id, String name, List<Staff.Answer> failures) {
        Staff.Answer patched = staff.patch(id, "{\"fields\": {\"name\": \"" + name + "\"}}");
        if (patched.status() != 200) {
            failures.add(patched);
        }
        for (Staff.Answer answer : List.of(staff.get(id), staff.list("?sort=-createdAt"), staff.timeline(id))) {
            if (answer.status() != 200) {
                failures.add(answer);
            }
        }
    }

    private static void check(Staff.Answer answer, ConcurrentLinkedQueue<Staff.Answer> failures) {
        if (answer.serverError()) {
            failures.add(answer);
        }
    }

    /** Waits until every thread has made {@code calls} more calls than it had when asked. */
    private static void everyThreadCallsAgain(AtomicInteger[] done, int calls) {
        int[] start = new int[done.length];
        for (int t = 0; t < done.length; t++) {
            start[t] = done[t].get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (int t = 0; t < done.length; t++) {
                if (done[t].get() < start[t] + calls) {
                    return false;
                }
            }
            return true;
        });
    }

    private static String form(String fields, String lineFields) {
        return "{\"schemaVersion\": 1, \"key\": \"item\", \"fields\": [{\"key\": \"name\", \"type\": \"text\"}, " + fields
                + ", {\"key\": \"lines\", \"type\": \"subtable\", \"fields\": [" + lineFields + "]}]}";
    }
}
