package dev.brickwork.designer.migration;

/**
 * One statement of a publish's migration, as shown to the admin (dry run) and stored with the version.
 *
 * @param action      e.g. {@code CREATE_TABLE}, {@code ADD_COLUMN}, {@code SET_ASIDE_COLUMN}, {@code CHANGE_TYPE}
 * @param table       the table it touches
 * @param column      the column, or null
 * @param sql         the DDL, all identifiers from metadata and quoted
 */
public record MigrationStep(String action, String table, String column, String sql) {
}
