package dev.brickwork.designer.flow;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings the outcome of a call that may complete on another thread (the BPMN engine deploys on a worker) back to the
 * Vert.x context the caller runs on, where its reactive session lives: Hibernate Reactive refuses a session used
 * from another thread.
 */
final class SameContext {

    private SameContext() {
    }

    /** Subscribes to {@code call} and delivers its item or failure on the context current at subscription. */
    static <T> Uni<T> keep(java.util.function.Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            Uni<T> uni = call.get();
            return context == null ? uni : uni.emitOn(command -> context.runOnContext(ignored -> command.run()));
        });
    }
}
