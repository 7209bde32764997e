package dev.brickwork.runtime.cluster;

import dev.brickwork.platform.cluster.ClusterChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster changes this node has received, so a test can wait until an announcement (and, since NOTIFY keeps
 * order on one connection, every announcement sent before it) has been handled.
 */
@ApplicationScoped
public class ReceivedChanges {

    private final Set<String> received = ConcurrentHashMap.newKeySet();

    void on(@Observes ClusterChange change) {
        received.add(change.topic() + ":" + change.key());
    }

    public boolean has(String topicAndKey) {
        return received.contains(topicAndKey);
    }
}
