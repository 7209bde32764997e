package dev.brickwork.designer.form;

import dev.brickwork.forms.expr.FunctionHelp;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The expression language's functions with their help, for the designers' expression editor (docs/spec.md §3). */
@Path("/api/v1/design/expressions/functions")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ExpressionHelpResource {

    @Schema(name = "ExpressionFunctions")
    public record Functions(List<FunctionHelp> items) {
    }

    private static final Functions ALL = new Functions(FunctionHelp.all());

    @GET
    public Functions functions() {
        return ALL;
    }
}
