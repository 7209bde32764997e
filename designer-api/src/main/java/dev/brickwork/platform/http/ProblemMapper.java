package dev.brickwork.platform.http;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}: the one place where exceptions become HTTP.
 * Unexpected failures are logged with an id the client sees; no stack trace or class name goes out.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers) {
        return respond(e.toDetail(), headers);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers) {
        return respond(ProblemDetail.of(CommonProblem.UNAUTHENTICATED, "Log in and send the token as a Bearer token.", null), headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return respond(ProblemDetail.of(CommonProblem.FORBIDDEN, "Your roles do not allow this.", null), headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        CommonProblem type = switch (status) {
            case 400 -> CommonProblem.BODY_MALFORMED;
            case 401 -> CommonProblem.UNAUTHENTICATED;
            case 403 -> CommonProblem.FORBIDDEN;
            case 404 -> CommonProblem.NOT_FOUND;
            case 405 -> CommonProblem.METHOD_NOT_ALLOWED;
            case 413 -> CommonProblem.BODY_TOO_LARGE;
            case 415 -> CommonProblem.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? CommonProblem.INTERNAL : CommonProblem.REQUEST_INVALID;
        };
        return respond(ProblemDetail.of(type, null, null), headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers) {
        java.util.Optional<String> refused = UnstorableValues.refusedBy(e);
        if (refused.isPresent()) {
            // bad input a check missed: worth a line (to add the check), not a stack trace
            LOG.warnf("PostgreSQL refused a value (SQLSTATE %s); answered 422", refused.get());
            return respond(UnstorableValues.problem(), headers);
        }
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(ProblemDetail.of(CommonProblem.INTERNAL, "Incident " + incident + " was logged.", null), headers);
    }

    /** The problem in the language the request's Accept-Language prefers (ProblemLanguage). */
    private static Response respond(ProblemDetail detail, HttpHeaders headers) {
        return respond(ProblemLanguage.localize(detail, headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    public static Response respond(ProblemDetail detail) {
        return Response.status(detail.status()).type(ProblemDetail.MEDIA_TYPE).entity(detail).build();
    }
}
