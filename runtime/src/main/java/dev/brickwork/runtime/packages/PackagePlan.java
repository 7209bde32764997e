package dev.brickwork.runtime.packages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.migration.MigrationStep;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What an install does (or, for a dry run, would do), part by part (docs/spec.md §3). An action is {@code create},
 * {@code upgrade} / {@code update}, {@code unchanged}, or {@code conflict}: the app and the package both changed a
 * part, the app's version was kept and each {@code conflicts} entry says where.
 *
 * @param previousVersion the app version installed before, or null for a first install
 * @param changes         false when installing changes nothing (the same package twice)
 * @param seed            the sample data a first install loads, or null
 */
@Schema(name = "PackagePlan")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackagePlan(String app, String version, String previousVersion, boolean created, boolean dryRun,
                          boolean changes, List<FormStep> forms, List<FlowStep> flows, List<RoleStep> roles,
                          List<DepartmentStep> departments, JsonNode seed) {

    @Schema(name = "PackageConflict")
    public record Conflict(String pointer, String message) {
    }

    /** @param version the form's version afterwards */
    @Schema(name = "PackageFormStep")
    public record FormStep(String key, String action, int version, List<MigrationStep> migration, List<Conflict> conflicts) {
    }

    @Schema(name = "PackageFlowStep")
    public record FlowStep(String key, String action, int version, List<Conflict> conflicts) {
    }

    @Schema(name = "PackageRoleStep")
    public record RoleStep(String key, String action, List<Conflict> conflicts) {
    }

    @Schema(name = "PackageDepartmentStep")
    public record DepartmentStep(String path, String action) {
    }

    static final String UNCHANGED = "unchanged";
    static final String CONFLICT = "conflict";
}
