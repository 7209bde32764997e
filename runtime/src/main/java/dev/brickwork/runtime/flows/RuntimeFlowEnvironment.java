package dev.brickwork.runtime.flows;

import dev.brickwork.designer.flow.FlowEnvironment;
import dev.brickwork.workflow.engine.Deployment;
import dev.brickwork.workflow.plan.FlowPlan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.Set;

/** What publishing a flow needs from the runtime: the roles that exist and the engine to deploy to. */
@ApplicationScoped
public class RuntimeFlowEnvironment implements FlowEnvironment {

    @Inject
    Pool pool;

    @Inject
    FlowEngines engines;

    @Override
    public Uni<Set<String>> roleKeys() {
        return pool.query("SELECT role_key FROM brickwork.roles").execute().map(rows -> {
            Set<String> keys = new HashSet<>();
            for (Row row : rows) {
                keys.add(row.getString(0));
            }
            return keys;
        });
    }

    @Override
    public Uni<Deployment> deploy(FlowPlan plan) {
        return engines.call(engine -> engine.deploy(plan.key(), plan.bpmn()));
    }
}
