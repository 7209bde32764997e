package dev.brickwork.runtime.flows;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The bridge between the reactive request path and the blocking engine: engine calls run on a worker thread and
 * their result comes back on the caller's Vert.x context (Hibernate Reactive and the reactive pool expect it);
 * engine threads reach reactive code by waiting on a fresh context.
 */
final class Blocking {

    private Blocking() {
    }

    /** Runs blocking work on a worker thread; the result is emitted on the calling context, when there is one. */
    static <T> Uni<T> call(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> uni = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        if (context == null) {
            return uni;
        }
        Executor back = command -> context.runOnContext(ignored -> command.run());
        return uni.emitOn(back);
    }

    /** From an engine (or other non-Vert.x) thread: runs reactive code on a Vert.x context and waits for it. */
    static <T> T await(Supplier<Uni<T>> reactive) {
        try {
            return VertxContextSupport.subscribeAndAwait(reactive);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("A reactive call from the engine failed", e);
        }
    }
}
