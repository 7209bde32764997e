package dev.brickwork.runtime.access;

import dev.brickwork.platform.cluster.ClusterChanges;
import dev.brickwork.runtime.auth.AccessChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Tells the other nodes that roles, users or departments changed here, so they drop their cached rights and
 * sessions too (they receive it as a {@link dev.brickwork.platform.cluster.ClusterChange} with topic {@value #TOPIC}).
 */
@ApplicationScoped
public class AccessBroadcast {

    public static final String TOPIC = "access";

    @Inject
    ClusterChanges cluster;

    /** Admin changes run on worker threads, so waiting for the announcement here blocks no event loop. */
    void onAccessChanged(@Observes AccessChanged change) {
        cluster.announce(TOPIC, change.what()).await().atMost(Duration.ofSeconds(5));
    }
}
