package dev.brickwork.designer;

import dev.brickwork.designer.flow.PublishedFlow;
import dev.brickwork.designer.flow.PublishedFlows;
import dev.brickwork.platform.cluster.ClusterChange;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.Fixtures;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The published flows the runtime runs: every test here needs the plan ({@code FlowPlans}, {@code FlowPlanJson}). */
@QuarkusTest
@WithTestResource(TestDatabase.class)
@TestSecurity(user = "designer", roles = "admin")
class PublishedFlowsTest {

    @Inject
    PublishedFlows flows;

    @Inject
    Event<ClusterChange> changes;

    private static String contractApproval(String key) {
        return Fixtures.flow("contract_approval").replace("\"key\": \"contract_approval\"", "\"key\": \"" + key + "\"");
    }

    private static String publish(String app, String flow) {
        Design.saveFlow(app, flow, contractApproval(flow)).statusCode(200);
        return Design.publishFlow(app, flow).statusCode(200).extract().path("processDefinitionId");
    }

    @Test
    void findsTheCurrentVersionOfEveryFlowOnAFormAndEveryVersionByItsProcessDefinition() {
        // given
        Design.appWithContracts("pf_form");
        String first = publish("pf_form", "pf_one");
        publish("pf_form", "pf_two");
        assertThat(flows.forForm("pf_form", "contract").await().indefinitely())
                .extracting(PublishedFlow::flowKey, PublishedFlow::version)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("pf_one", 1),
                        org.assertj.core.groups.Tuple.tuple("pf_two", 1));

        // when: a second version of one of them
        String second = Design.publishFlow("pf_form", "pf_one").statusCode(200).extract().path("processDefinitionId");

        // then
        List<PublishedFlow> onContract = flows.forForm("pf_form", "contract").await().indefinitely();
        assertThat(onContract).extracting(PublishedFlow::flowKey, PublishedFlow::version)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("pf_one", 2),
                        org.assertj.core.groups.Tuple.tuple("pf_two", 1));
        assertThat(onContract).allSatisfy(flow -> {
            assertThat(flow.appKey()).isEqualTo("pf_form");
            assertThat(flow.plan().form()).isEqualTo("contract");
        });
        assertThat(flows.byProcessDefinition(first).await().indefinitely()).get()
                .satisfies(flow -> assertThat(flow.version()).isEqualTo(1))
                .satisfies(flow -> assertThat(flow.plan().key()).isEqualTo("pf_one"));
        assertThat(flows.byProcessDefinition(second).await().indefinitely()).get()
                .extracting(PublishedFlow::version).isEqualTo(2);
        assertThat(flows.forForm("pf_form", "customer").await().indefinitely()).isEmpty();
        assertThat(flows.forForm("no_such_app", "contract").await().indefinitely()).isEmpty();
        assertThat(flows.byProcessDefinition("no-such-definition").await().indefinitely()).isEqualTo(Optional.empty());
    }

    @Test
    void aChangeAnnouncedByAnotherNodeDropsTheCachedFlows() {
        // given: version 1 cached
        Design.appWithContracts("pf_cluster");
        publish("pf_cluster", "pf_node");
        assertThat(flows.forForm("pf_cluster", "contract").await().indefinitely())
                .extracting(PublishedFlow::version).containsExactly(1);
        // another node publishes version 2 (written here directly, as that node would)
        Db.execute("INSERT INTO brickwork.flow_versions (id, flow_id, number, form_key, trigger, definition, bpmn, plan,"
                + " deployment_id, process_definition_id) SELECT gen_random_uuid(), flow_id, 2, form_key, trigger,"
                + " definition, bpmn, plan, 'other-node', 'pf_node:2:other-node' FROM brickwork.flow_versions"
                + " WHERE process_definition_id LIKE 'pf_node:1:%'");
        Db.execute("UPDATE brickwork.flows SET current_version = 2 WHERE flow_key = 'pf_node'");
        assertThat(flows.forForm("pf_cluster", "contract").await().indefinitely())
                .extracting(PublishedFlow::version).containsExactly(1);

        // when
        changes.fire(new ClusterChange(PublishedFlows.FLOWS, "pf_cluster"));

        // then
        assertThat(flows.forForm("pf_cluster", "contract").await().indefinitely())
                .extracting(PublishedFlow::processDefinitionId).containsExactly("pf_node:2:other-node");
    }
}
