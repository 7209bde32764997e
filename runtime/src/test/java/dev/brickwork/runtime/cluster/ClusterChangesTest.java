package dev.brickwork.runtime.cluster;

import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one database behave as one: what another node changes (simulated here by writing to the database
 * directly and announcing it as that node would, with pg_notify) reaches this node's caches.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ClusterChangesTest {

    @Inject
    PublishedForms published;

    @Inject
    ReceivedChanges received;

    @Test
    void aFormPublishedByAnotherNodeReplacesTheCachedVersion() {
        RestAssured.requestSpecification = People.asAdmin();
        try {
            Design.createApp("clu").statusCode(201);
            Design.publishDefinition("clu", "item", """
                    {"schemaVersion": 1, "key": "item", "label": "Before", "fields": [{"key": "name", "type": "text"}]}""");
        } finally {
            RestAssured.requestSpecification = null;
        }
        // this node hears its own publish announced too; once a later marker has arrived, that one has been handled
        Db.execute("SELECT pg_notify('brickwork_changes', 'forms:clu-marker')");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.has("forms:clu-marker"));
        assertThat(published.current("clu", "item").await().indefinitely()).get()
                .satisfies(form -> assertThat(form.version()).isEqualTo(1));

        Db.execute("INSERT INTO brickwork.form_versions (id, form_id, number, definition, migration)"
                + " SELECT gen_random_uuid(), f.id, 2, jsonb_set(v.definition, '{label}', '\"After\"'), '[]'"
                + " FROM brickwork.forms f JOIN brickwork.form_versions v ON v.form_id = f.id AND v.number = 1"
                + " JOIN brickwork.apps a ON a.id = f.app_id WHERE a.app_key = 'clu' AND f.form_key = 'item'");
        Db.execute("UPDATE brickwork.forms SET current_version = 2 WHERE form_key = 'item'"
                + " AND app_id = (SELECT id FROM brickwork.apps WHERE app_key = 'clu')");
        assertThat(published.current("clu", "item").await().indefinitely()).get()
                .satisfies(form -> assertThat(form.version()).isEqualTo(1));

        Db.execute("SELECT pg_notify('brickwork_changes', 'forms:clu')");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(published.current("clu", "item").await().indefinitely()).get()
                        .satisfies(form -> assertThat(form.version()).isEqualTo(2)));
    }

    @Test
    void aRoleChangedByAnotherNodeTakesEffectHere() {
        String role = People.unique("reader");
        People.asAdmin().body("{\"key\": \"" + role + "\", \"permissions\": [{\"app\": \"clu2\", \"form\": \"note\","
                + " \"actions\": {\"read\": \"all\"}}]}").put("/api/v1/admin/roles/" + role).then().statusCode(200);
        RestAssured.requestSpecification = People.asAdmin();
        try {
            Design.createApp("clu2").statusCode(201);
            Design.publishDefinition("clu2", "note", """
                    {"schemaVersion": 1, "key": "note", "fields": [{"key": "text", "type": "text"}]}""");
        } finally {
            RestAssured.requestSpecification = null;
        }
        String username = People.unique("reader");
        People.createUser(username, "reader-pass-1", "[\"" + role + "\"]", null);
        String token = Login.token(username, "reader-pass-1");
        People.as(token).get("/api/v1/apps/clu2/forms/note/records").then().statusCode(200);

        Db.execute("UPDATE brickwork.roles SET definition = jsonb_set(definition, '{permissions,0,actions,read}', '\"none\"')"
                + " WHERE role_key = ?", role);
        Db.execute("SELECT pg_notify('brickwork_changes', 'access:roles')");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                People.as(token).get("/api/v1/apps/clu2/forms/note/records").then().statusCode(403));
    }
}
