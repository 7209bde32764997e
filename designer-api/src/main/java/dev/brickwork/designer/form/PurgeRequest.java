package dev.brickwork.designer.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What an admin asks to purge: {@code {"all": true}}, or {@code {"columns": [{"table", "name"}], "tables": [name]}}
 * as the listing names them. Nothing is purged unless everything named exists.
 */
public final class PurgeRequest {

    private static final Set<String> PROPERTIES = Set.of("all", "columns", "tables");

    private final boolean all;
    private final List<SetAside.ColumnName> columns;
    private final List<String> tables;

    private PurgeRequest(boolean all, List<SetAside.ColumnName> columns, List<String> tables) {
        this.all = all;
        this.columns = columns;
        this.tables = tables;
    }

    public static PurgeRequest read(JsonNode body) {
        List<ProblemError> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw invalid(List.of(ProblemError.of("", "PROPERTY_TYPE", "The body must be an object.")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PROPERTIES.contains(name)) {
                errors.add(ProblemError.of("/" + name, "PROPERTY_UNKNOWN", "Name 'all', 'columns' or 'tables'."));
            }
        }
        JsonNode all = body.path("all");
        if (!all.isMissingNode() && !all.isBoolean()) {
            errors.add(ProblemError.of("/all", "PROPERTY_TYPE", "'all' is true or false."));
        }
        List<SetAside.ColumnName> columns = new ArrayList<>();
        JsonNode columnList = body.path("columns");
        if (!columnList.isMissingNode() && !columnList.isArray()) {
            errors.add(ProblemError.of("/columns", "PROPERTY_TYPE", "'columns' is an array of {\"table\", \"name\"}."));
        }
        for (int i = 0; i < columnList.size(); i++) {
            JsonNode column = columnList.path(i);
            if (column.path("table").isTextual() && column.path("name").isTextual() && column.size() == 2) {
                columns.add(new SetAside.ColumnName(column.get("table").textValue(), column.get("name").textValue()));
            } else {
                errors.add(ProblemError.of("/columns/" + i, "PROPERTY_TYPE", "A column is {\"table\", \"name\"} as listed."));
            }
        }
        List<String> tables = new ArrayList<>();
        JsonNode tableList = body.path("tables");
        if (!tableList.isMissingNode() && !tableList.isArray()) {
            errors.add(ProblemError.of("/tables", "PROPERTY_TYPE", "'tables' is an array of names."));
        }
        for (int i = 0; i < tableList.size(); i++) {
            if (tableList.path(i).isTextual()) {
                tables.add(tableList.get(i).textValue());
            } else {
                errors.add(ProblemError.of("/tables/" + i, "PROPERTY_TYPE", "A table is named as listed."));
            }
        }
        boolean everything = all.asBoolean(false);
        if (errors.isEmpty() && everything == (!columns.isEmpty() || !tables.isEmpty())) {
            errors.add(ProblemError.of(everything ? "/all" : "", "PURGE_SELECTION_INVALID",
                    "Ask for all set-aside storage, or name columns or tables; not both, not neither."));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new PurgeRequest(everything, columns, tables);
    }

    /** What to purge of what the form holds aside; a name it does not hold refuses the whole request. */
    SetAsideService.Held select(List<SetAside.ColumnName> heldColumns, List<String> heldTables) {
        if (all) {
            return new SetAsideService.Held(heldColumns, heldTables);
        }
        List<ProblemError> errors = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!heldColumns.contains(columns.get(i))) {
                errors.add(ProblemError.of("/columns/" + i, "SET_ASIDE_UNKNOWN", "The form holds no such set-aside column."));
            }
        }
        for (int i = 0; i < tables.size(); i++) {
            if (!heldTables.contains(tables.get(i))) {
                errors.add(ProblemError.of("/tables/" + i, "SET_ASIDE_UNKNOWN", "The form holds no such set-aside table."));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new SetAsideService.Held(columns.stream().distinct().toList(), tables.stream().distinct().toList());
    }

    private static ProblemException invalid(List<ProblemError> errors) {
        return new ProblemException(CommonProblem.REQUEST_INVALID, "Nothing was purged.", errors);
    }
}
