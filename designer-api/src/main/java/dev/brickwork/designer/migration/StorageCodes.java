package dev.brickwork.designer.migration;

/** Codes of the problems a publish gets when the app's tables cannot take the new version. */
public final class StorageCodes {

    /** a table would pass PostgreSQL's column limit */
    public static final String COLUMN_LIMIT_REACHED = "COLUMN_LIMIT_REACHED";
    /** a table or index the version needs has a name another relation of the schema has */
    public static final String TABLE_NAME_TAKEN = "TABLE_NAME_TAKEN";

    private StorageCodes() {
    }
}
