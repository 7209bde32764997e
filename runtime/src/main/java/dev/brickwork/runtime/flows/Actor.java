package dev.brickwork.runtime.flows;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who set the engine moving on this thread: the person deciding, submitting or withdrawing. The steps the engine
 * runs as a consequence (the next task, the outcome values) are recorded under them; timers run as nobody.
 */
record Actor(UUID id, String name) {

    static final Actor FLOW = new Actor(null, "flow");

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    static <T> T as(Actor actor, Supplier<T> work) {
        Actor previous = CURRENT.get();
        CURRENT.set(actor);
        try {
            return work.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    static Actor current() {
        Actor actor = CURRENT.get();
        return actor == null ? FLOW : actor;
    }
}
