package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.compile.CompiledFormula;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.record.RecordValidation;
import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.runtime.records.sql.FormTable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Computes a record's formulas again after a roll-up changed under it (a payment arrived, so the contract's
 * outstanding amount changes), in the same transaction. Derived values only: the record's version stays.
 */
final class DerivedValues {

    private DerivedValues() {
    }

    static Uni<Void> recompute(SqlConnection connection, FormTable table, RecordValidator validator, List<UUID> ids) {
        return recompute(connection, table, validator, ids, false);
    }

    /** @param lock lock each row before reading it (the daily sweep runs beside writes it must not overwrite) */
    static Uni<Void> recompute(SqlConnection connection, FormTable table, RecordValidator validator, List<UUID> ids,
                               boolean lock) {
        List<CompiledFormula> formulas = table.form().formulas();
        if (formulas.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : ids) {
            chain = chain.chain(() -> RecordRows.load(connection, table, id, lock).chain(row -> row == null
                    ? Uni.createFrom().voidItem()
                    : RecordRows.children(connection, table, id).chain(rows -> {
                        ObjectNode fields = RecordJson.fields(table, row, rows);
                        RecordValidation validation = validator.validate(table.form(), fields, Set.of(), fields);
                        Map<String, Value> computed = new HashMap<>();
                        formulas.forEach(f -> computed.put(f.key(), validation.values().getOrDefault(f.key(), Value.NULL)));
                        Map<String, Object> columns = RecordWriter.columnValues(table, computed);
                        if (columns.isEmpty()) {
                            return Uni.createFrom().voidItem();
                        }
                        List<Object> params = new ArrayList<>(List.of(id));
                        List<String> sets = new ArrayList<>();
                        columns.forEach((column, value) -> {
                            params.add(value);
                            sets.add(column + " = $" + params.size());
                        });
                        return connection.preparedQuery("UPDATE " + table.qualified() + " SET " + String.join(", ", sets)
                                + " WHERE id = $1").execute(Tuple.from(params)).replaceWithVoid();
                    })));
        }
        return chain;
    }
}
