package dev.brickwork.testing;

import dev.brickwork.designer.flow.FlowEnvironment;
import dev.brickwork.workflow.engine.Deployment;
import dev.brickwork.workflow.plan.FlowPlan;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The flow environment of designer-api's tests, in place of the runtime's roles and BPMN engine: roles from a set the
 * test sets, and a deploy that records the plan and answers a made-up deployment, or fails for the flow keys a test
 * names. Like the engine, it answers on a worker thread. Tests use flow keys of their own, so they never see each
 * other's deployments.
 */
@ApplicationScoped
public class TestFlowEnvironment implements FlowEnvironment {

    public static final Set<String> DEFAULT_ROLES = Set.of("sales_director", "finance_director", "legal");

    private volatile Set<String> roles = DEFAULT_ROLES;
    private volatile Map<String, String> users = Map.of();
    private final List<FlowPlan> deployed = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> engineVersions = new ConcurrentHashMap<>();

    public void roles(Set<String> keys) {
        roles = Set.copyOf(keys);
    }

    /** The users by username (to id) an uploaded BPMN may name. */
    public void users(Map<String, String> usernameToId) {
        users = Map.copyOf(usernameToId);
    }

    /** Deploying a flow with this key fails from now on, as when the engine refuses its BPMN. */
    public void failDeploying(String flowKey) {
        failing.add(flowKey);
    }

    public void deployNormally(String flowKey) {
        failing.remove(flowKey);
    }

    /** The plans deployed under this flow key, in order. */
    public List<FlowPlan> deployed(String flowKey) {
        return deployed.stream().filter(plan -> plan.key().equals(flowKey)).toList();
    }

    @Override
    public Uni<Set<String>> roleKeys() {
        return Uni.createFrom().item(roles).emitOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public Uni<Map<String, String>> userIds(Set<String> usernames) {
        Map<String, String> known = new java.util.HashMap<>(users);
        known.keySet().retainAll(usernames);
        return Uni.createFrom().item((Map<String, String>) known).emitOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public Uni<Deployment> deploy(FlowPlan plan) {
        return Uni.createFrom().item(() -> {
            if (failing.contains(plan.key())) {
                throw new IllegalStateException("The engine refused " + plan.key());
            }
            deployed.add(plan);
            int version = engineVersions.computeIfAbsent(plan.key(), key -> new AtomicInteger()).incrementAndGet();
            return new Deployment("deployment-" + java.util.UUID.randomUUID(),
                    plan.key() + ":" + version + ":" + java.util.UUID.randomUUID(), version);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
