package dev.brickwork.runtime.records.sql;

import dev.brickwork.designer.migration.ColumnType;

import java.util.Arrays;
import java.util.Optional;

/** The fields every record has (SPEC §4), by their API name, with their column. They filter and sort like any field. */
public enum SystemField {
    ID("id", "id", ColumnType.UUID),
    CREATED_AT("createdAt", "created_at", ColumnType.TIMESTAMPTZ),
    UPDATED_AT("updatedAt", "updated_at", ColumnType.TIMESTAMPTZ),
    CREATED_BY("createdBy", "created_by", ColumnType.UUID),
    OWNER("owner", "owner", ColumnType.UUID),
    APPROVAL("approval", "approval", ColumnType.TEXT);

    private final String apiName;
    private final String column;
    private final ColumnType type;

    SystemField(String apiName, String column, ColumnType type) {
        this.apiName = apiName;
        this.column = column;
        this.type = type;
    }

    public String apiName() {
        return apiName;
    }

    public String column() {
        return column;
    }

    public ColumnType type() {
        return type;
    }

    public static Optional<SystemField> byApiName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name)).findFirst();
    }
}
