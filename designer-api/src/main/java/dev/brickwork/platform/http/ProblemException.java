package dev.brickwork.platform.http;

import java.util.List;

/**
 * The one exception type that becomes a problem response. Modules throw it (or a subclass) with their own
 * {@link ProblemType}; {@link ProblemMapper} turns it into HTTP in exactly one place.
 */
public class ProblemException extends RuntimeException {

    private final transient ProblemType type;
    private final transient List<ProblemError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<ProblemError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<ProblemError> errors() {
        return errors;
    }

    public ProblemDetail toDetail() {
        return ProblemDetail.of(type, getMessage(), errors);
    }
}
