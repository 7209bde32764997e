package dev.brickwork.runtime.api;

import dev.brickwork.runtime.api.RecordApi.RecordView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Logging in and administration (docs/spec.md §8): request bodies, roles, GDPR and key rotation answers. */
public final class AdminApi {

    private AdminApi() {
    }

    public record LoginRequest(String username, String password) {
    }

    public record NewUser(String username, String password, String displayName, UUID department, List<String> roles) {
    }

    /** Only the properties sent change. */
    public record UserChange(String displayName, UUID department, List<String> roles, Boolean disabled, String password) {
    }

    /** The body of a create, and of a change (only the properties sent change). */
    public record DepartmentWrite(String name, UUID parent, UUID manager) {
    }

    public record NewToken(String name, List<String> roles, Instant expiresAt) {
    }

    public record Role(String key, List<Permission> permissions, @Schema(description = "In answers only") Integer version) {
    }

    /**
     * @param actions action ({@code create read update delete import export}) to scope
     *                ({@code none own department subtree all}); an action left out is {@code none}
     * @param fields  field key to {@code hidden} or {@code readonly}
     */
    public record Permission(String app, String form, Map<String, String> actions, Map<String, String> fields) {
    }

    public record RoleList(List<Role> items) {
    }

    public record SubjectExport(Subject subject, List<RelatedRecords> related) {
    }

    public record Subject(String app, String form, UUID id, RecordView record) {
    }

    /** The records of one form (or one subtable) whose {@code field} references the subject. */
    public record RelatedRecords(String form, String subtable, String field, List<RecordView> records) {
    }

    public record Erased(ErasedFields erased, int related, int timelineEntriesRedacted, int auditEntriesRedacted) {
    }

    public record ErasedFields(List<String> fields, int setAsideColumns) {
    }

    public record Reencrypted(long reencrypted) {
    }

    /**
     * What one user can see and do on one form (docs/spec.md §8 addition, the admin's "view as"), computed by the code
     * that enforces it.
     */
    public record UserAccess(AccessUser user, String app, String form, List<ActionAccess> actions,
                             List<FieldRestriction> fields, VisibleRecords records) {
    }

    public record AccessUser(UUID id, String username, String displayName, UUID department, List<String> roles,
                             boolean admin, boolean disabled) {
    }

    /**
     * @param scope     {@code none own department subtree all}
     * @param grantedBy the roles whose own scope is this one ({@code admin} for administrators); empty for {@code none}
     */
    public record ActionAccess(String action, String scope, List<String> grantedBy) {
    }

    /** @param access {@code hidden readonly full}: the union of what the roles in {@code byRole} say */
    public record FieldRestriction(String field, String access, List<RoleFieldAccess> byRole) {
    }

    public record RoleFieldAccess(String role, String access) {
    }

    /** @param total the live records the user's read scope reaches, counted as their list's {@code count=true} counts */
    public record VisibleRecords(long total, boolean estimated) {
    }
}
