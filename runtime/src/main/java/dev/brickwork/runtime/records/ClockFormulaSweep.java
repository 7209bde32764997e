package dev.brickwork.runtime.records;

import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.designer.form.PublishedForms.PublishedForm;
import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.runtime.crypto.FieldCiphers;
import dev.brickwork.runtime.records.sql.FormTable;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rewrites the stored values of formulas that read the clock (decision 0020), so filters, sorts and roll-ups over
 * them match what a read answers: at local midnight in the server's zone ({@code brickwork.time-zone}) and at start
 * when a form version has not been swept today. Records are computed again in batches, each row locked while it is
 * rewritten; like a roll-up's recompute it writes derived values only: no version, no timeline, no audit entry.
 */
@ApplicationScoped
public class ClockFormulaSweep {

    private static final Logger LOG = Logger.getLogger(ClockFormulaSweep.class);
    private static final int BATCH = 200;
    /** past midnight by a moment, so the day the sweep computes is surely the new one */
    private static final Duration PAST_MIDNIGHT = Duration.ofSeconds(5);

    @Inject
    Pool pool;

    @Inject
    PublishedForms publishedForms;

    @Inject
    FieldCiphers ciphers;

    @Inject
    RecordValidator validator;

    @Inject
    Clock clock;

    @Inject
    ZoneId zone;

    @Inject
    Vertx vertx;

    void schedule(@Observes StartupEvent event) {
        vertx.setTimer(PAST_MIDNIGHT.toMillis(), id -> sweepThenWait());
    }

    private void sweepThenWait() {
        sweep().subscribe().with(records -> waitForMidnight(), failure -> {
            LOG.warnf("Sweeping clock formulas failed (%s); will retry at midnight", failure.getClass().getSimpleName());
            waitForMidnight();
        });
    }

    private void waitForMidnight() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        ZonedDateTime next = now.toLocalDate().plusDays(1).atStartOfDay(zone).plus(PAST_MIDNIGHT);
        vertx.setTimer(Math.max(1, Duration.between(now, next).toMillis()), id -> sweepThenWait());
    }

    /** Sweeps every published form version with clock formulas not yet swept today; the number of records rewritten. */
    public Uni<Integer> sweep() {
        return pool.query("SELECT app_key FROM brickwork.apps ORDER BY app_key").execute()
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> sweep(row.getString(0)))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    /** The same for one app. */
    public Uni<Integer> sweep(String appKey) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return publishedForms.all(appKey)
                .onItem().transformToMulti(forms -> Multi.createFrom().iterable(forms.values()))
                .filter(form -> !form.form().clockFormulas().isEmpty())
                .onItem().transformToUniAndConcatenate(form -> sweepIfDue(form, today))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> sweepIfDue(PublishedForm form, LocalDate today) {
        String formKey = form.form().definition().key();
        return pool.preparedQuery("SELECT 1 FROM brickwork.formula_sweeps WHERE app_key = $1 AND form_key = $2"
                        + " AND form_version = $3 AND swept_on >= $4")
                .execute(Tuple.of(form.appKey(), formKey, form.version(), today))
                .chain(done -> done.iterator().hasNext() ? Uni.createFrom().item(0)
                        : batches(FormTable.of(form).withCipher(ciphers.cipher().orElse(null)), null, 0)
                        .call(count -> pool.preparedQuery("INSERT INTO brickwork.formula_sweeps"
                                        + " (app_key, form_key, form_version, swept_on) VALUES ($1, $2, $3, $4)"
                                        + " ON CONFLICT (app_key, form_key) DO UPDATE SET form_version = excluded.form_version,"
                                        + " swept_on = excluded.swept_on")
                                .execute(Tuple.of(form.appKey(), formKey, form.version(), today))));
    }

    /** Records after {@code after} (by id, the recycle bin's too), a batch per transaction; the number rewritten. */
    private Uni<Integer> batches(FormTable table, UUID after, int done) {
        return pool.preparedQuery("SELECT id FROM " + table.qualified() + " WHERE $1::uuid IS NULL OR id > $1"
                        + " ORDER BY id LIMIT " + BATCH)
                .execute(Tuple.of(after))
                .chain(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID(0));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(done);
                    }
                    return pool.withTransaction(connection -> DerivedValues.recompute(connection, table, validator, ids, true))
                            .chain(() -> ids.size() < BATCH ? Uni.createFrom().item(done + ids.size())
                                    : batches(table, ids.get(ids.size() - 1), done + ids.size()));
                });
    }
}
