package dev.brickwork.designer;

import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What publishing gives a form's list (decision 0028): the sorts by createdAt and updatedAt and each indexed field's
 * in keyset order (column, id), and a trigram index per column q searches where pg_trgm is installed; a table an
 * earlier release made gets what it lacks on its next publish.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
@TestSecurity(user = "designer", roles = "admin")
class ListIndexesTest {

    private static final String CUSTOMER = """
            {"schemaVersion": 1, "key": "customer", "fields": [
              {"key": "name", "type": "text", "required": true},
              {"key": "tier", "type": "select", "index": true, "options": [{"value": "gold", "label": "Gold"}]},
              {"key": "amount", "type": "money", "index": true},
              {"key": "tags", "type": "multiselect", "index": true, "options": [{"value": "vip", "label": "VIP"}]},
              {"key": "iban", "type": "text", "sensitive": true},
              {"key": "visits", "type": "number", "integer": true}]}""";

    @Test
    void givesEveryListSortAndSearchAnIndex() {
        // when a form is published
        Design.createApp("lix_new").statusCode(201);
        Design.publishDefinition("lix_new", "customer", CUSTOMER);

        // then the system sorts walk live records in keyset order, and indexed fields sort by (field, id)
        List<String> indexes = indexes("lix_new");
        assertThat(indexes).anySatisfy(def -> assertThat(def).contains("(created_at, id) WHERE (deleted_at IS NULL)"));
        assertThat(indexes).anySatisfy(def -> assertThat(def).contains("(updated_at, id) WHERE (deleted_at IS NULL)"));
        assertThat(indexes).anySatisfy(def -> assertThat(def).contains("btree (tier, id)"));
        assertThat(indexes).anySatisfy(def -> assertThat(def).contains("btree (amount, id)"));
        assertThat(indexes).anySatisfy(def -> assertThat(def).contains("gin (tags)"));
        // and q's columns have trigram indexes, the sensitive one and the number none
        List<String> trigram = indexes.stream().filter(def -> def.contains("gin_trgm_ops")).toList();
        if (trigrams()) {
            assertThat(trigram).hasSize(2)
                    .anySatisfy(def -> assertThat(def).contains("(name brickwork.gin_trgm_ops) WHERE (deleted_at IS NULL)"))
                    .anySatisfy(def -> assertThat(def).contains("(tier brickwork.gin_trgm_ops)"));
        } else {
            assertThat(trigram).isEmpty();
        }
        // and a q of one or two characters has the text field's pieces to look in (not the select's)
        assertThat(indexes.stream().filter(def -> def.contains("short_grams")).toList())
                .singleElement().satisfies(def -> assertThat(def).endsWith("USING gin (brickwork.short_grams(name))"));
    }

    @Test
    void addsWhatATableOfAnEarlierReleaseLacksOnItsNextPublish() {
        // given a table as an earlier release left it: no list indexes, the indexed field's b-tree on the column alone
        Design.createApp("lix_old").statusCode(201);
        Design.publishDefinition("lix_old", "customer", CUSTOMER);
        List<String> wanted = names("lix_old");
        for (String name : wanted) {
            if (name.startsWith("ls_") || name.startsWith("tg_") || name.startsWith("ix_customer_amount_")) {
                Db.execute("DROP INDEX app_lix_old.\"" + name + "\"");
            }
        }
        String legacy = dev.brickwork.designer.migration.SqlNames.object("ix", "customer", "amount",
                "ON \"app_lix_old\".\"customer\" USING btree (\"amount\")");
        Db.execute("CREATE INDEX \"" + legacy + "\" ON app_lix_old.customer (amount)");

        // when the same definition is published again
        Design.saveDraft("lix_old", "customer", CUSTOMER).statusCode(200);
        Design.publish("lix_old", "customer").statusCode(200).body("migration.action", hasItem("CREATE_INDEX"))
                .body("migration.action", hasItem("DROP_INDEX"));

        // then it has what a new form gets, and the b-tree it replaces is gone
        assertThat(names("lix_old")).containsExactlyInAnyOrderElementsOf(wanted).doesNotContain(legacy);

        // and a publish that finds everything in place adds nothing
        Design.saveDraft("lix_old", "customer", CUSTOMER).statusCode(200);
        Design.publish("lix_old", "customer").statusCode(200)
                .body("migration.action", not(hasItem("CREATE_INDEX")));
    }

    private static boolean trigrams() {
        return Db.count("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'") > 0;
    }

    private static List<String> indexes(String app) {
        return Db.rows("SELECT indexdef FROM pg_indexes WHERE schemaname = ? AND tablename = 'customer'", "app_" + app)
                .stream().map(row -> row.get(0)).toList();
    }

    private static List<String> names(String app) {
        return Db.rows("SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = 'customer'", "app_" + app)
                .stream().map(row -> row.get(0)).toList();
    }
}
