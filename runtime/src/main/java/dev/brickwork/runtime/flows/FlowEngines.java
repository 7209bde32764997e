package dev.brickwork.runtime.flows;

import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.workflow.engine.EngineSettings;
import dev.brickwork.workflow.engine.FlowEngine;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one embedded BPMN engine of this node, on the default datasource's JDBC side in schema {@code operaton}.
 * Starting it takes seconds, so it starts in the background when the application does; calls wait for it.
 */
@ApplicationScoped
public class FlowEngines {

    private static final Logger LOG = Logger.getLogger(FlowEngines.class);

    @Inject
    DataSource dataSource;

    @Inject
    RecordFlowHooks hooks;

    @ConfigProperty(name = "brickwork.flows.job-executor", defaultValue = "true")
    boolean jobExecutor;

    @ConfigProperty(name = "brickwork.flows.engine-start-timeout", defaultValue = "PT120S")
    Duration startTimeout;

    private final CompletableFuture<FlowEngine> engine = new CompletableFuture<>();

    void start(@Observes StartupEvent event) {
        Thread starter = new Thread(() -> {
            try {
                engine.complete(FlowEngine.start(dataSource,
                        new EngineSettings("operaton", jobExecutor, Context::isOnEventLoopThread), hooks));
            } catch (RuntimeException | Error e) {
                LOG.error("The BPMN engine did not start", e);
                engine.completeExceptionally(e);
            }
        }, "brickwork-engine-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * A stop while the engine is still starting waits for the start: closing the datasource under it would break off
     * the creation of its schema, with a log full of errors.
     */
    void stop(@Observes ShutdownEvent event) {
        try {
            engine.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS).close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception notStarted) {
            // a failed start was logged; a start that takes longer than the timeout is left to the JVM's exit
        }
    }

    /** Whether the engine can take calls yet (the readiness check, {@link FlowEngineReadiness}). */
    public State state() {
        if (!engine.isDone()) {
            return State.STARTING;
        }
        return engine.isCompletedExceptionally() ? State.FAILED : State.RUNNING;
    }

    public enum State { STARTING, RUNNING, FAILED }

    /** Runs work with the engine on a worker thread, back on the caller's context with the result. */
    public <T> Uni<T> call(Function<FlowEngine, T> work) {
        return Blocking.call(() -> {
            try {
                return work.apply(blockingEngine());
            } catch (RuntimeException failure) {
                throw ours(failure);
            }
        });
    }

    /** The engine wraps what our hooks and transaction work throw; the caller wants our own exception back. */
    private static RuntimeException ours(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException || t instanceof NoApproversException || t instanceof FlowOutbox.AlreadyDelivered) {
                return (RuntimeException) t;
            }
        }
        return failure;
    }

    /** The engine, waiting for it to start; only on a thread that may block. */
    FlowEngine blockingEngine() {
        try {
            return engine.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(FlowProblem.ENGINE_UNAVAILABLE, "The approval engine is not available.");
        } catch (Exception e) {
            throw new ProblemException(FlowProblem.ENGINE_UNAVAILABLE, "The approval engine is not available.");
        }
    }
}
