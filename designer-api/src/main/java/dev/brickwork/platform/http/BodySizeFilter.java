package dev.brickwork.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/** Refuses a body announced as too large before any of it is read, with a problem rather than a bare 413. */
public class BodySizeFilter {

    @ServerRequestFilter(preMatching = true)
    public Optional<jakarta.ws.rs.core.Response> refuseOversized(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(length.trim()) > JsonBodies.MAX_BODY_BYTES) {
                return Optional.of(ProblemMapper.respond(JsonBodies.tooLarge().toDetail()));
            }
        } catch (NumberFormatException e) {
            return Optional.of(ProblemMapper.respond(ProblemDetail.of(CommonProblem.BODY_MALFORMED,
                    "The Content-Length header is not a number.", null)));
        }
        return Optional.empty();
    }
}
