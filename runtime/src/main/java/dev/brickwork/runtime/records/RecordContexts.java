package dev.brickwork.runtime.records;

import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.crypto.FieldCiphers;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Function;

/** Resolves what a records call works on: the published form, its table (with the cipher) and the caller's rights. */
@ApplicationScoped
public class RecordContexts {

    @Inject
    PublishedForms publishedForms;

    @Inject
    FieldCiphers ciphers;

    Uni<RecordContext> of(String appKey, String formKey, Access access) {
        return RecordContext.of(publishedForms, ciphers, appKey, formKey, access);
    }

    /**
     * Runs {@code work} on the call's context. A publish can change a table under a node whose compiled form is
     * older (another node that has not heard of it yet, or this one in the moment before it drops its cache): the
     * statements of the older version then fail (a column gone or retyped). When {@code work} fails that way and
     * the app's forms did change, the forms are reloaded and {@code work} runs once more, on the current version;
     * should the forms change again meanwhile, the call is refused with {@code FORM_CHANGED} (409, retryable).
     * {@code work} must write nothing that outlives its failure: one transaction, committed only when it succeeds.
     */
    <T> Uni<T> run(String appKey, String formKey, Access access, Function<RecordContext, Uni<T>> work) {
        return attempt(appKey, formKey, access, work, true);
    }

    private <T> Uni<T> attempt(String appKey, String formKey, Access access, Function<RecordContext, Uni<T>> work,
                               boolean again) {
        return of(appKey, formKey, access).chain(context -> work.apply(context)
                .onFailure(RecordContexts::mayBeStale).recoverWithUni(failure -> publishedForms
                        .refreshIfChanged(appKey, context.forms())
                        .chain(changed -> {
                            if (!changed) {
                                return Uni.createFrom().failure(failure);
                            }
                            if (!again) {
                                return Uni.createFrom().failure(new ProblemException(RecordProblem.FORM_CHANGED,
                                        "The form was published again while this was being done; send it again."));
                            }
                            return attempt(appKey, formKey, access, work, false);
                        })));
    }

    /**
     * A failure a stale compiled form can cause: a statement PostgreSQL could not plan or run as written (class 42,
     * a cached plan whose result changed, a value of another type), or a row that did not decode. Refusals
     * ({@link ProblemException}) and constraint violations are answers, not staleness.
     */
    private static boolean mayBeStale(Throwable failure) {
        if (failure instanceof ProblemException) {
            return false;
        }
        if (failure instanceof PgException pg) {
            String state = pg.getSqlState() == null ? "" : pg.getSqlState();
            return state.startsWith("42") || state.startsWith("22") || state.equals("0A000");
        }
        return true;
    }
}
