package dev.brickwork.runtime.records.sql;

import dev.brickwork.designer.migration.ColumnType;
import dev.brickwork.forms.model.SystemColumn;

import java.util.Arrays;
import java.util.Optional;

/** The fields every record has (docs/spec.md §4), by their API name, with their column. They filter and sort like any field. */
public enum SystemField {
    ID("id", SystemColumn.ID, ColumnType.UUID),
    CREATED_AT("createdAt", SystemColumn.CREATED_AT, ColumnType.TIMESTAMPTZ),
    UPDATED_AT("updatedAt", SystemColumn.UPDATED_AT, ColumnType.TIMESTAMPTZ),
    CREATED_BY("createdBy", SystemColumn.CREATED_BY, ColumnType.UUID),
    OWNER("owner", SystemColumn.OWNER, ColumnType.UUID),
    APPROVAL("approval", SystemColumn.APPROVAL, ColumnType.TEXT);

    private final String apiName;
    private final String column;
    private final ColumnType type;

    SystemField(String apiName, SystemColumn column, ColumnType type) {
        this.apiName = apiName;
        this.column = column.column();
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
