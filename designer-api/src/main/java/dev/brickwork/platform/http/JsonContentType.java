package dev.brickwork.platform.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A body is read as JSON only when it says it is JSON: {@code application/json} or {@code application/*+json},
 * without a charset or with UTF-8 (RFC 8259). Anything else (a form post, {@code text/plain}, which a browser
 * sends across origins without asking) is 415 before a resource reads a byte. Resources marked
 * {@link AcceptsXml} also take XML (BPMN uploads). A request without a body needs no type.
 */
public class JsonContentType {

    private static final Set<String> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @ServerRequestFilter
    public Optional<Response> refuseOtherTypes(ContainerRequestContext request, ResourceInfo resource) {
        if (!WITH_BODY.contains(request.getMethod()) || !hasBody(request)) {
            return Optional.empty();
        }
        MediaType type = request.getMediaType();
        boolean xml = resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(AcceptsXml.class);
        if (isJson(type) || (xml && isXml(type))) {
            return Optional.empty();
        }
        String accepted = xml ? "application/json or application/xml" : "application/json";
        return Optional.of(ProblemMapper.respond(ProblemDetail.of(CommonProblem.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as " + accepted + " (UTF-8).", List.of(ProblemError.of("", "CONTENT_TYPE_UNSUPPORTED",
                        "Content-Type must be " + accepted + ".")))));
    }

    /** {@code application/json}, {@code application/<anything>+json}; charset absent or UTF-8. */
    static boolean isJson(MediaType type) {
        if (type == null || !"application".equalsIgnoreCase(type.getType()) || !utf8(type)) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json");
    }

    private static boolean isXml(MediaType type) {
        if (type == null || !(type.getType().equalsIgnoreCase("application") || type.getType().equalsIgnoreCase("text"))) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("xml") || subtype.endsWith("+xml");
    }

    private static boolean utf8(MediaType type) {
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return charset == null || charset.equalsIgnoreCase("utf-8");
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}
