package dev.brickwork.platform.http;

import io.vertx.pgclient.PgException;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * The last line behind the checks where input is read: PostgreSQL refusing a value (a NUL, a number or date out of
 * its range) is the client's bad input, not a failure of ours, whichever path let it through.
 */
final class UnstorableValues {

    // character_not_in_repertoire, untranslatable_character, numeric_value_out_of_range, datetime_field_overflow
    private static final Set<String> STATES = Set.of("22021", "22P05", "22003", "22008");

    private UnstorableValues() {
    }

    /** The SQLSTATE when {@code failure} (or a cause) is PostgreSQL refusing a value. */
    static Optional<String> refusedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String state = cause instanceof PgException pg ? pg.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && STATES.contains(state)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    static ProblemDetail problem() {
        return ProblemDetail.of(CommonProblem.REQUEST_INVALID, "A value is outside what can be stored; nothing was written.", null);
    }
}
