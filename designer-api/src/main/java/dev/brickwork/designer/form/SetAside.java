package dev.brickwork.designer.form;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A form's set-aside storage, as the admin lists and purges it. */
public final class SetAside {

    private SetAside() {
    }

    /**
     * A set-aside column.
     *
     * @param removedIn the version that set it aside
     * @param values    how many rows hold a value in it
     * @param bytes     the size of those values as stored (compressed, without row overhead)
     */
    @Schema(name = "SetAsideColumn")
    public record Column(String table, String name, Integer removedIn, long values, long bytes) {
    }

    /** A set-aside subtable: its rows and its size on disk with indexes and TOAST. */
    @Schema(name = "SetAsideTable")
    public record Table(String name, Integer removedIn, long rows, long bytes) {
    }

    /**
     * One live table of the form and how many of PostgreSQL's attribute numbers it has used: live, set-aside and
     * purged columns all count, since a dropped column's number is never given back.
     */
    @Schema(name = "SetAsideCapacity")
    public record Capacity(String table, int columns, int limit) {
    }

    @Schema(name = "SetAside")
    public record Listing(List<Column> columns, List<Table> tables, List<Capacity> capacity) {
    }

    /** A column to purge, named as the listing names it. */
    @Schema(name = "SetAsideColumnName")
    public record ColumnName(String table, String name) {
    }

    @Schema(name = "SetAsidePurged")
    public record Purged(List<ColumnName> columns, List<String> tables, List<Capacity> capacity) {
    }
}
