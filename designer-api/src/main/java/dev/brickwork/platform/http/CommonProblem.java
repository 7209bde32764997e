package dev.brickwork.platform.http;

/** Problems any endpoint can answer with. */
public enum CommonProblem implements ProblemType {
    BODY_MALFORMED(400, "The request body is not valid JSON"),
    UNAUTHENTICATED(401, "Authentication is required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    STALE_VERSION(412, "The resource has changed since it was read"),
    BODY_TOO_LARGE(413, "The request body is too large"),
    URI_TOO_LONG(414, "The URL is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    REQUEST_INVALID(422, "The request is invalid"),
    TEXT_INVALID(422, "The request holds text that cannot be stored"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    HEADERS_TOO_LARGE(431, "The request headers are too large"),
    INTERNAL(500, "Something went wrong on our side");

    private final int status;
    private final String title;

    CommonProblem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
