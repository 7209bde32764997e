package dev.brickwork.runtime.auth;

import dev.brickwork.platform.http.ProblemMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Adds Retry-After to the problem a throttled login gets; the most specific mapper wins over ProblemMapper's. */
public class AuthExceptionMapper {

    @ServerExceptionMapper
    public Response throttled(LoginThrottledException e) {
        return Response.fromResponse(ProblemMapper.respond(e.toDetail()))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
