package dev.brickwork.designer.flow;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.brickwork.platform.cluster.ClusterChange;
import dev.brickwork.workflow.plan.FlowPlanJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published flows the runtime starts and runs, held in Caffeine with their plans read once. The current versions
 * are cached per app and dropped when a flow of the app is published (here, or on another node through
 * {@link #FLOWS} announcements). Versions by process definition id are never dropped: a version is immutable, and
 * running instances finish on the version they started on. Loaded with the reactive client, so it works from any
 * thread.
 */
@ApplicationScoped
public class PublishedFlows {

    /** The topic of announcements that an app's published flows changed. */
    public static final String FLOWS = "flows";

    private static final String COLUMNS = "SELECT a.app_key, f.flow_key, v.number, v.form_key, v.plan::text,"
            + " v.process_definition_id FROM brickwork.flow_versions v"
            + " JOIN brickwork.flows f ON f.id = v.flow_id JOIN brickwork.apps a ON a.id = f.app_id";

    /** app key to the current version of each of its flows, by the form they are bound to */
    private final Cache<String, Map<String, List<PublishedFlow>>> current = Caffeine.newBuilder().maximumSize(1_000).build();
    private final Cache<String, PublishedFlow> byDefinition = Caffeine.newBuilder().maximumSize(10_000).build();
    /** counts invalidations, so that a load that started before one does not put what it read back */
    private long generation;

    @Inject
    Pool pool;

    /** The current version of every published flow bound to the form; empty when none is. */
    public Uni<List<PublishedFlow>> forForm(String appKey, String formKey) {
        return current(appKey).map(flows -> flows.getOrDefault(formKey, List.of()));
    }

    /** The published version deployed as this process definition if it is cached: no query, no thread hand-over. */
    public Optional<PublishedFlow> cachedByProcessDefinition(String processDefinitionId) {
        return Optional.ofNullable(byDefinition.getIfPresent(processDefinitionId));
    }

    /** The published version deployed as this process definition, current or not. */
    public Uni<Optional<PublishedFlow>> byProcessDefinition(String processDefinitionId) {
        PublishedFlow cached = byDefinition.getIfPresent(processDefinitionId);
        if (cached != null) {
            return Uni.createFrom().item(Optional.of(cached));
        }
        return pool.preparedQuery(COLUMNS + " WHERE v.process_definition_id = $1")
                .execute(Tuple.of(processDefinitionId))
                .map(rows -> {
                    for (Row row : rows) {
                        PublishedFlow flow = flow(row);
                        byDefinition.put(processDefinitionId, flow);
                        return Optional.of(flow);
                    }
                    return Optional.<PublishedFlow>empty();
                });
    }

    public synchronized void invalidateApp(String appKey) {
        generation++;
        current.invalidate(appKey);
    }

    /** Another node (or this one) published a flow of the app. */
    void onClusterChange(@Observes ClusterChange change) {
        if (FLOWS.equals(change.topic())) {
            invalidateApp(change.key());
        }
    }

    private Uni<Map<String, List<PublishedFlow>>> current(String appKey) {
        Map<String, List<PublishedFlow>> cached = current.getIfPresent(appKey);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        long loading = generation();
        return pool.preparedQuery(COLUMNS + " WHERE a.app_key = $1 AND v.number = f.current_version ORDER BY f.flow_key")
                .execute(Tuple.of(appKey))
                .map(rows -> {
                    Map<String, List<PublishedFlow>> byForm = new HashMap<>();
                    for (Row row : rows) {
                        PublishedFlow flow = flow(row);
                        byDefinition.put(flow.processDefinitionId(), flow);
                        byForm.computeIfAbsent(row.getString(3), form -> new ArrayList<>()).add(flow);
                    }
                    Map<String, List<PublishedFlow>> loaded = new HashMap<>();
                    byForm.forEach((form, flows) -> loaded.put(form, List.copyOf(flows)));
                    return Map.copyOf(loaded);
                })
                .invoke(loaded -> keep(appKey, loaded, loading));
    }

    private synchronized long generation() {
        return generation;
    }

    private synchronized void keep(String appKey, Map<String, List<PublishedFlow>> loaded, long loading) {
        if (generation == loading) {
            current.put(appKey, loaded);
        }
    }

    private static PublishedFlow flow(Row row) {
        return new PublishedFlow(row.getString(0), row.getString(1), row.getInteger(2),
                FlowPlanJson.read(StoredJson.parse(row.getString(4))), row.getString(5));
    }
}
