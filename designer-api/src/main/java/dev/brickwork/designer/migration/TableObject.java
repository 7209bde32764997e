package dev.brickwork.designer.migration;

/**
 * An index or constraint a form's table should have. The name carries a hash of its definition, so comparing
 * the names wanted by two versions tells which to drop and which to create.
 *
 * @param check  what must hold in existing data before it can be created (unique values, existing targets), or null
 * @param columns the columns it covers: its check is only run when they all existed before this publish
 * @param replaces the name an earlier release gave the index that served the same purpose (dropped where the table
 *                 still has it), or null
 */
record TableObject(String name, String table, java.util.List<String> columns, String createSql, String dropSql, DataCheck check,
                   String replaces) {

    TableObject(String name, String table, java.util.List<String> columns, String createSql, String dropSql, DataCheck check) {
        this(name, table, columns, createSql, dropSql, check, null);
    }
}
