package dev.brickwork.platform.db;

import dev.brickwork.platform.http.ProblemException;
import io.smallrye.mutiny.Uni;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Failures that mean another transaction got to the same rows first: the caller lost a race, which is a conflict
 * (409) to answer, not a server error. Which conflict it is depends on the command, so each command names its
 * problem; what counts as a lost race is decided here, once.
 */
public final class LostRaces {

    /** unique violation, serialization failure, deadlock */
    private static final Set<String> STATES = Set.of("23505", "40001", "40P01");

    private LostRaces() {
    }

    /** Whether {@code failure}, or one of its causes, says a concurrent transaction won. */
    public static boolean lost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException) {
                return false;
            }
            if (cause instanceof org.hibernate.StaleStateException
                    || cause instanceof org.hibernate.dialect.lock.OptimisticEntityLockException
                    || cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof io.vertx.pgclient.PgException pg && STATES.contains(pg.getSqlState())
                    || cause instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** {@code work}, with a lost race answered by {@code conflict}. */
    public static <T> Uni<T> answer(Uni<T> work, Supplier<ProblemException> conflict) {
        return work.onFailure(LostRaces::lost).transform(failure -> conflict.get());
    }
}
