package dev.brickwork.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Refuses an over-long URL (414) or over-large headers (431) with a problem, on every path, before anything else
 * runs. Vert.x answers requests past its own decoder limits with a bare status and no hook to change it
 * (quarkusio/quarkus#55082), so those limits ({@code quarkus.http.limits.max-initial-line-length} and
 * {@code max-header-size}) are set well above these and serve only as the transport's ceiling (decision 0017).
 */
@Singleton
public class RequestLimits {

    /** The longest request target (path and query) answered; a longer list query goes in a body ({@code POST …/query}). */
    public static final int MAX_URI_LENGTH = 8 * 1024;
    /** The most header bytes (names and values) answered. */
    public static final int MAX_HEADER_BYTES = 20 * 1024;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_URI_LENGTH) {
            refuse(context, CommonProblem.URI_TOO_LONG, "The URL is longer than " + MAX_URI_LENGTH
                    + " characters; a list query that long goes in the body of POST …/records/query.");
        } else if (headerBytes(request) > MAX_HEADER_BYTES) {
            refuse(context, CommonProblem.HEADERS_TOO_LARGE, "The request headers are larger than " + MAX_HEADER_BYTES + " bytes.");
        } else {
            context.next();
        }
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length();
        }
        return bytes;
    }

    private static void refuse(RoutingContext context, CommonProblem type, String detail) {
        String body;
        try {
            body = JsonBodies.mapper().writeValueAsString(ProblemDetail.of(type, detail, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem detail is plain data", e);
        }
        context.response().setStatusCode(type.status()).putHeader("Content-Type", ProblemDetail.MEDIA_TYPE).end(body);
    }
}
