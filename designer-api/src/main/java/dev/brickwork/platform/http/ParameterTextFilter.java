package dev.brickwork.platform.http;

import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.StorableText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Query and path parameters are text PostgreSQL can store, checked once before any resource sees them (bodies are
 * checked by {@link JsonBodies}). A query parameter holding a NUL ({@code %00}) is a located 422; a path
 * segment holding one names nothing, so 404.
 */
public class ParameterTextFilter {

    @ServerRequestFilter
    public Optional<Response> refuseUnstorableText(ContainerRequestContext request) {
        Optional<String> query = first(request.getUriInfo().getQueryParameters());
        if (query.isPresent()) {
            String pointer = JsonPointers.append("", StorableText.replaced(query.get()));
            return Optional.of(ProblemMapper.respond(ProblemDetail.of(CommonProblem.TEXT_INVALID,
                    "A query parameter holds text that cannot be stored.", List.of(JsonText.error(pointer)))));
        }
        if (first(request.getUriInfo().getPathParameters()).isPresent()) {
            return Optional.of(ProblemMapper.respond(ProblemDetail.of(CommonProblem.NOT_FOUND, null, null)));
        }
        return Optional.empty();
    }

    /** The name of the first parameter whose name or a value cannot be stored. */
    private static Optional<String> first(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (StorableText.unstorable(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(value -> value != null && StorableText.unstorable(value))) {
                return Optional.of(parameter.getKey());
            }
        }
        return Optional.empty();
    }
}
