package dev.brickwork.runtime.flows;

/** An approval step was reached whose approvers resolve to no active user; the engine's step rolls back. */
final class NoApproversException extends RuntimeException {

    private final String node;

    NoApproversException(String node) {
        super("No active user can decide approval step '" + node + "'");
        this.node = node;
    }

    String node() {
        return node;
    }

    /** The exception itself or the one it caused deep inside the engine, if any. */
    static NoApproversException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoApproversException found) {
                return found;
            }
        }
        return null;
    }
}
