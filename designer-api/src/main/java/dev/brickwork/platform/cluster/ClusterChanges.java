package dev.brickwork.platform.cluster;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Keeps the caches of several nodes on one database in step (DESIGN "Caching and more than one node"): a node
 * that changes definitions or access announces it with {@code pg_notify}; every node, itself included, listens
 * on one connection and fires a {@link ClusterChange} for its caches. Losing the listener only delays other
 * nodes (it reconnects); the announcing node has already dropped its own caches.
 */
@ApplicationScoped
public class ClusterChanges {

    static final String CHANNEL = "brickwork_changes";
    private static final Logger LOG = Logger.getLogger(ClusterChanges.class);

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    Event<ClusterChange> changes;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    Optional<String> url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private PgSubscriber subscriber;

    /** Announces a change to every node; the payload is {@code topic:key}. */
    public Uni<Void> announce(String topic, String key) {
        return pool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(CHANNEL, topic + ":" + key)).replaceWithVoid();
    }

    void onStart(@Observes StartupEvent event) {
        if (url.isEmpty()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.get());
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL).handler(this::received);
        subscriber.connect().subscribe().with(ok -> LOG.debug("Listening for cluster changes"),
                failure -> LOG.warnf("Not listening for changes of other nodes: %s", failure.getMessage()));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    private void received(String payload) {
        int colon = payload.indexOf(':');
        String topic = colon < 0 ? payload : payload.substring(0, colon);
        String key = colon < 0 ? "" : payload.substring(colon + 1);
        changes.fire(new ClusterChange(topic, key));
    }
}
