package dev.brickwork.designer.migration;

import dev.brickwork.forms.model.SystemColumn;

import java.util.List;
import java.util.stream.Collectors;

/** The column definitions of every record table and every subtable row table, whatever the form says. */
final class SystemColumns {

    static final String RECORD = definitions(SystemColumn.RECORD, null);

    private SystemColumns() {
    }

    static String row(String parentTable) {
        return definitions(SystemColumn.ROW, parentTable);
    }

    /** How many attribute numbers a new table of these columns uses (PostgreSQL's column limit counts them). */
    static int count(boolean row) {
        return (row ? SystemColumn.ROW : SystemColumn.RECORD).size();
    }

    private static String definitions(List<SystemColumn> columns, String parentTable) {
        return columns.stream().map(c -> c.column() + " " + definition(c, parentTable)).collect(Collectors.joining(", "));
    }

    private static String definition(SystemColumn column, String parentTable) {
        return switch (column) {
            case ID -> "uuid PRIMARY KEY";
            case VERSION -> "integer NOT NULL DEFAULT 1";
            case OWNER, CREATED_BY -> "uuid";
            case CREATED_AT, UPDATED_AT -> "timestamptz NOT NULL DEFAULT now()";
            case DELETED_AT -> "timestamptz";
            case APPROVAL -> "text NOT NULL DEFAULT 'none'";
            case PARENT_ID -> "uuid NOT NULL REFERENCES " + parentTable + " (id) ON DELETE CASCADE";
            case POSITION -> "integer NOT NULL";
        };
    }
}
