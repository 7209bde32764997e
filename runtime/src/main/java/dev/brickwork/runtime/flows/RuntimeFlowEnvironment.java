package dev.brickwork.runtime.flows;

import dev.brickwork.designer.flow.FlowEnvironment;
import dev.brickwork.workflow.engine.Deployment;
import dev.brickwork.workflow.plan.FlowPlan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What publishing a flow needs from the runtime: the roles and users that exist and the engine to deploy to. */
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

    /** Disabled users are left out: a flow must not hand tasks to someone who cannot log in. */
    @Override
    public Uni<Map<String, String>> userIds(Set<String> usernames) {
        return pool.preparedQuery("SELECT username, id FROM brickwork.users WHERE username = ANY($1) AND NOT disabled")
                .execute(Tuple.of(usernames.toArray(String[]::new))).map(rows -> {
                    Map<String, String> ids = new HashMap<>();
                    for (Row row : rows) {
                        ids.put(row.getString(0), row.getUUID(1).toString());
                    }
                    return ids;
                });
    }

    @Override
    public Uni<Deployment> deploy(FlowPlan plan) {
        return engines.call(engine -> engine.deploy(plan.key(), plan.bpmn()));
    }
}
