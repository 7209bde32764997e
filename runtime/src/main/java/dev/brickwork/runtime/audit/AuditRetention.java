package dev.brickwork.runtime.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The audit log's retention ({@code brickwork.audit.retention}, env {@code BRICKWORK_AUDIT_RETENTION}; ten years by
 * default): on a timer, rows older than that are deleted, and the purge is itself audited ({@code audit.purged} with
 * the cut-off and the count) in the same transaction. The table's trigger lets a row go only when its transaction has
 * declared a cut-off the row is older than.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    @ConfigProperty(name = "brickwork.audit.retention", defaultValue = "P3650D")
    Duration retention;

    @ConfigProperty(name = "brickwork.audit.purge-interval", defaultValue = "PT6H")
    Duration interval;

    @Inject
    Pool pool;

    @Inject
    AuditLog audit;

    @Inject
    Vertx vertx;

    // a minute after start too: a server restarted more often than the interval would otherwise never purge
    void schedule(@Observes StartupEvent event) {
        vertx.setPeriodic(Math.min(FIRST_PURGE_AFTER.toMillis(), interval.toMillis()), interval.toMillis(), id -> purge()
                .subscribe().with(deleted -> {
                }, failure -> LOG.warnf("Purging the audit log failed (%s); will retry", failure.getClass().getSimpleName())));
    }

    private static final Duration FIRST_PURGE_AFTER = Duration.ofMinutes(1);

    /** Deletes the rows older than the retention; the number deleted. */
    public Uni<Long> purge() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT set_config('brickwork.audit_purge_before', $1, true)").execute(Tuple.of(before.toString()))
                .chain(() -> connection.preparedQuery("DELETE FROM brickwork.audit_log WHERE at < $1").execute(Tuple.of(before)))
                .chain(deleted -> {
                    long count = deleted.rowCount();
                    if (count == 0) {
                        return Uni.createFrom().item(0L);
                    }
                    AuditEntry entry = AuditEntry.of("audit.purged", null, "retention").with(JsonNodeFactory.instance.objectNode()
                            .put("before", before.toString()).put("retention", retention.toString()).put("deleted", count));
                    return audit.append(connection, entry).replaceWith(count);
                }));
    }
}
