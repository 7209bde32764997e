package dev.brickwork.runtime.records;

import dev.brickwork.forms.model.FieldSpec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws the next number of an auto-number field inside the record's transaction. The counter row stays locked
 * until commit, so concurrent creates queue on it, and a rollback returns the number: no gaps, no repeats.
 * A counter belongs to the pattern with its date placeholders filled in ({@code period}), so the sequence starts
 * again at 1 in every new year, month or day the pattern names; a pattern without them counts forever.
 */
final class Autonumbers {

    private static final Pattern SEQ = Pattern.compile("\\{seq:(\\d{1,2})}");

    private Autonumbers() {
    }

    static Uni<String> next(SqlConnection connection, String appKey, String formKey, String fieldKey,
                            FieldSpec.Autonumber spec, LocalDate today) {
        String period = period(spec.pattern(), today);
        return connection.preparedQuery("INSERT INTO brickwork.autonumber_counters (app_key, form_key, field_key, period, value)"
                        + " VALUES ($1, $2, $3, $4, 1) ON CONFLICT (app_key, form_key, field_key, period)"
                        + " DO UPDATE SET value = autonumber_counters.value + 1 RETURNING value")
                .execute(Tuple.of(appKey, formKey, fieldKey, period))
                .map(rows -> format(period, rows.iterator().next().getLong(0)));
    }

    /** The pattern with its date placeholders filled in: the counter's key, so a new day (with {dd}) counts from 1. */
    static String period(String pattern, LocalDate today) {
        return pattern.replace("{yyyy}", String.format("%04d", today.getYear()))
                .replace("{MM}", String.format("%02d", today.getMonthValue()))
                .replace("{dd}", String.format("%02d", today.getDayOfMonth()));
    }

    static String format(String period, long sequence) {
        Matcher seq = SEQ.matcher(period);
        StringBuilder out = new StringBuilder();
        while (seq.find()) {
            int width = Integer.parseInt(seq.group(1));
            seq.appendReplacement(out, Matcher.quoteReplacement(String.format("%0" + width + "d", sequence)));
        }
        seq.appendTail(out);
        return out.toString();
    }
}
