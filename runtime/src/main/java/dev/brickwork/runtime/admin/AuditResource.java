package dev.brickwork.runtime.admin;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code GET /admin/audit} (docs/spec.md §8). Read-only by design: there is no call that writes, changes or deletes an
 * entry, and the table's trigger refuses UPDATE and DELETE even to SQL.
 */
@Path("/api/v1/admin/audit")
@RolesAllowed("admin")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    Jdbc jdbc;

    public record AuditPage(List<AuditQuery.Entry> items) {
    }

    @GET
    public AuditPage read(@QueryParam("user") String user, @QueryParam("app") String app, @QueryParam("form") String form,
                          @QueryParam("record") String record, @QueryParam("action") String action,
                          @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit) {
        AuditQuery query = AuditQuery.parse(user, app, form, record, action, from, to, limit);
        return new AuditPage(jdbc.read(query::run));
    }
}
