package dev.brickwork.forms.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The columns Brickwork gives every record table ({@link #RECORD}) and every subtable row table ({@link #ROW}),
 * and the system columns PostgreSQL gives every table. Field keys are column names, so no field may take any of
 * them. The one list of these names: the table definitions (designer-api) and the records API (runtime) use it.
 */
public enum SystemColumn {
    ID("id"),
    VERSION("version"),
    OWNER("owner"),
    CREATED_BY("created_by"),
    CREATED_AT("created_at"),
    UPDATED_AT("updated_at"),
    DELETED_AT("deleted_at"),
    APPROVAL("approval"),
    PARENT_ID("parent_id"),
    POSITION("position");

    /** A record table's system columns, in table order. */
    public static final List<SystemColumn> RECORD = List.of(ID, VERSION, OWNER, CREATED_BY, CREATED_AT, UPDATED_AT,
            DELETED_AT, APPROVAL);

    /** A subtable row table's system columns, in table order. */
    public static final List<SystemColumn> ROW = List.of(ID, PARENT_ID, POSITION);

    /** PostgreSQL 15, §5.5 "System Columns": a user column of these names cannot be created. */
    private static final Set<String> POSTGRES = Set.of("tableoid", "xmin", "cmin", "xmax", "cmax", "ctid");

    private final String column;

    SystemColumn(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    /** True when a column of this name exists in every table already, ours or PostgreSQL's. */
    public static boolean taken(String name) {
        return POSTGRES.contains(name) || Arrays.stream(values()).anyMatch(c -> c.column.equals(name));
    }
}
