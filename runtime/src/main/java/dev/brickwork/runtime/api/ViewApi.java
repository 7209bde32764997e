package dev.brickwork.runtime.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Saved views (docs/spec.md §4): a list's columns, filter, sort, search and kanban grouping, under a name. */
public final class ViewApi {

    private ViewApi() {
    }

    @Schema(description = "A saved view. Personal views are their owner's alone; shared ones are read by everyone who may"
            + " read the form and changed by those whose roles grant `share` on it")
    public record SavedView(UUID id, String name, boolean shared, @Schema(enumeration = {"table", "kanban"}) String type,
                            @Schema(description = "Field keys in display order; empty for the form's own order."
                                    + " Columns the caller may not see are left out") List<String> columns,
                            @Schema(description = "The list filter of §4, or null") Map<String, Object> filter,
                            @Schema(description = "Date ranges relative to today by the pointer of their condition in filter"
                                    + " (\"/and/0\": \"thisMonth\"): the filter holds the dates of the day it was saved,"
                                    + " a client works them out again") Map<String, String> presets,
                            @Schema(description = "As the list's sort, e.g. -amount,name") String sort,
                            @Schema(description = "Quick search text, or null") String q,
                            @Schema(description = "kanban only: the select field the columns are") String groupBy,
                            UUID owner, int version, Instant createdAt, Instant updatedAt, ViewCan can) {
    }

    public record ViewCan(boolean update, boolean delete) {
    }

    /** The body of a create or a replace; {@code id}, {@code owner}, {@code version} and dates are ignored if sent. */
    public record ViewWrite(String name, Boolean shared, String type, List<String> columns, Map<String, Object> filter,
                            Map<String, String> presets, String sort, String q, String groupBy) {
    }

    public record ViewList(@Schema(description = "Shared views first, then the caller's own, each by name") List<SavedView> items,
                           @Schema(description = "Whether the caller may create shared views on this form") boolean canShare) {
    }
}
