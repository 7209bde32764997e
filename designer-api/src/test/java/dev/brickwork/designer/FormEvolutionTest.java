package dev.brickwork.designer;

import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** A form's keys can be removed and used again, any number of times: set-aside storage never stands in the way. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
@TestSecurity(user = "designer", roles = "admin")
class FormEvolutionTest {

    private static final String WITH = """
            {"schemaVersion": 1, "key": "deal", "fields": [
              {"key": "name", "type": "text"},
              {"key": "code", "type": "text", "unique": true, "index": true},
              {"key": "secret", "type": "text", "sensitive": true, "unique": true},
              {"key": "lines", "type": "subtable", "fields": [
                {"key": "sku", "type": "text", "index": true},
                {"key": "qty", "type": "number", "integer": true, "index": true}]}]}""";

    private static final String WITHOUT = """
            {"schemaVersion": 1, "key": "deal", "fields": [{"key": "name", "type": "text"}]}""";

    @Test
    void aRemovedSubtableAndIndexedFieldsCanBeAddedBackAgainAndAgain() {
        Design.createApp("evo_readd").statusCode(201);
        Design.publishDefinition("evo_readd", "deal", WITH);
        Db.execute("INSERT INTO app_evo_readd.deal (id, name, code) VALUES ('00000000-0000-7000-8000-000000000001', 'a', 'first')");
        Db.execute("INSERT INTO app_evo_readd.deal__lines (id, parent_id, position, sku)"
                + " VALUES (gen_random_uuid(), '00000000-0000-7000-8000-000000000001', 0, 'kept')");

        for (int round = 0; round < 2; round++) {
            Design.saveDraft("evo_readd", "deal", WITHOUT).statusCode(200);
            Design.publish("evo_readd", "deal").statusCode(200);
            Design.saveDraft("evo_readd", "deal", WITH).statusCode(200);
            Design.publish("evo_readd", "deal").statusCode(200).body("version", equalTo(3 + 2 * round));
        }

        assertThat(Db.single("SELECT sku FROM app_evo_readd._removed_v2_deal__lines")).isEqualTo("kept");
        assertThat(Db.single("SELECT _removed_v2_code FROM app_evo_readd.deal")).isEqualTo("first");
        Db.execute("INSERT INTO app_evo_readd.deal (id, name, code) VALUES (gen_random_uuid(), 'b', 'first')");
        assertThat(Db.rows("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE n.nspname = 'app_evo_readd' AND t.relname LIKE '\\_removed%' AND c.relname NOT LIKE '\\_removed%'"))
                .as("every index of a set-aside table carries a set-aside name").isEmpty();
    }

    @Test
    void aReAddedUniqueFieldStartsEmptyWhileItsOldValuesStaySetAside() {
        Design.createApp("evo_unique").statusCode(201);
        Design.publishDefinition("evo_unique", "deal", WITH);
        Db.execute("INSERT INTO app_evo_unique.deal (id, code) VALUES (gen_random_uuid(), 'x')");
        Design.publishDefinition("evo_unique", "deal", WITHOUT);
        Design.publishDefinition("evo_unique", "deal", WITH);

        assertThat(Db.rows("SELECT code, _removed_v2_code FROM app_evo_unique.deal"))
                .containsExactly(Arrays.asList(null, "x"));
        assertThat(Db.rows("SELECT indexdef FROM pg_indexes WHERE schemaname = 'app_evo_unique' AND tablename = 'deal'"
                + " AND indexdef LIKE '%UNIQUE%(code)%'")).hasSize(1);
        assertThat(List.of(Db.single("SELECT count(*) FROM app_evo_unique.deal__lines"))).containsExactly("0");
    }

    @Test
    void aFormOrSubtableNamingAnotherFormsTableIsADraftProblemAtItsKey() {
        Design.createApp("evo_names").statusCode(201);
        Design.publishDefinition("evo_names", "deal", WITH);
        String clash = """
                {"schemaVersion": 1, "key": "deal__lines", "fields": [{"key": "name", "type": "text"}]}""";
        Design.saveDraft("evo_names", "deal__lines", clash).statusCode(200)
                .body("problems.pointer", contains("/key")).body("problems.code", contains("TABLE_NAME_TAKEN"));
        List<List<String>> before = Db.snapshot();
        Design.publish("evo_names", "deal__lines").statusCode(422).body("code", equalTo("DEFINITION_INVALID"))
                .body("errors.pointer", contains("/key")).body("errors.code", contains("TABLE_NAME_TAKEN"));
        assertThat(Db.snapshot()).isEqualTo(before);

        Design.publishDefinition("evo_names", "order_x__items", clash.replace("deal__lines", "order_x__items"));
        String subtable = """
                {"schemaVersion": 1, "key": "order_x", "fields": [{"key": "name", "type": "text"},
                  {"key": "items", "type": "subtable", "fields": [{"key": "sku", "type": "text"}]}]}""";
        Design.saveDraft("evo_names", "order_x", subtable).statusCode(200)
                .body("problems.pointer", contains("/fields/1/key")).body("problems.code", contains("TABLE_NAME_TAKEN"));
        Design.publish("evo_names", "order_x").statusCode(422).body("errors.pointer", contains("/fields/1/key"));
    }

    @Test
    void aTableNamedLikeAnIndexOfTheSchemaIsRefusedBeforeAnyDdl() {
        Design.createApp("evo_index").statusCode(201);
        Design.publishDefinition("evo_index", "deal", WITHOUT);
        Design.saveDraft("evo_index", "deal_pkey", WITHOUT.replace("\"deal\"", "\"deal_pkey\"")).statusCode(200);
        List<List<String>> before = Db.snapshot();

        Design.dryRun("evo_index", "deal_pkey").statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("STORAGE_CONFLICT"))
                .body("errors.pointer", contains("/key")).body("errors.code", contains("TABLE_NAME_TAKEN"));
        Design.publish("evo_index", "deal_pkey").statusCode(422).body("code", equalTo("STORAGE_CONFLICT"));

        assertThat(Db.snapshot()).isEqualTo(before);
    }

    @Test
    void aPublishThatWouldPassTheColumnLimitIsRefusedAtTheFieldThatTipsItOver() {
        Design.createApp("evo_wide").statusCode(201);
        Design.publishDefinition("evo_wide", "deal", WITHOUT);
        // a table that evolved for years: 1,590 columns came and went, and PostgreSQL still counts every one
        Db.execute("ALTER TABLE app_evo_wide.deal " + clauses("ADD COLUMN c%d text"));
        Db.execute("ALTER TABLE app_evo_wide.deal " + clauses("DROP COLUMN c%d"));
        String wider = """
                {"schemaVersion": 1, "key": "deal", "fields": [{"key": "name", "type": "text"},
                  {"key": "a", "type": "text"}, {"key": "b", "type": "text", "sensitive": true}, {"key": "c", "type": "text"}]}""";
        Design.saveDraft("evo_wide", "deal", wider).statusCode(200).body("problems.size()", equalTo(0));
        List<List<String>> before = Db.snapshot();

        // 8 system columns + name + 1,590 gone = 1,599: "a" takes the last number, "b" (with its hash column) passes it
        Design.dryRun("evo_wide", "deal").statusCode(422).body("code", equalTo("STORAGE_CONFLICT"))
                .body("errors.pointer", contains("/fields/2")).body("errors.code", contains("COLUMN_LIMIT_REACHED"));
        Design.publish("evo_wide", "deal").statusCode(422).body("errors.pointer", contains("/fields/2"));
        assertThat(Db.snapshot()).isEqualTo(before);

        Design.saveDraft("evo_wide", "deal", WITHOUT.replace("}]}", "}, {\"key\": \"a\", \"type\": \"text\"}]}"))
                .statusCode(200);
        Design.publish("evo_wide", "deal").statusCode(200);
    }

    private static String clauses(String clause) {
        return IntStream.range(0, 1590).mapToObj(clause::formatted).collect(Collectors.joining(", "));
    }
}
