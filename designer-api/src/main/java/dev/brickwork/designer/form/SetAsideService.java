package dev.brickwork.designer.form;

import dev.brickwork.designer.migration.SetAsideStorage;
import dev.brickwork.designer.migration.SqlNames;
import dev.brickwork.designer.migration.StoredTables;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.platform.cluster.ClusterChanges;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Lists a form's set-aside columns and tables and purges them on an admin's explicit request (decision 0014). A purge
 * locks the form row like a publish, so the two queue up; it drops what was named, tells the publish listeners (the
 * audit log) in the same transaction, and drops the app's cached forms afterwards.
 */
@ApplicationScoped
public class SetAsideService {

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    PublishedForms published;

    @Inject
    ClusterChanges cluster;

    @Inject
    Instance<PublishListener> listeners;

    public Uni<SetAside.Listing> list(String appKey, String formKey) {
        return sessions.withSession(session -> tables(session, appKey, formKey, false)
                .chain(tables -> listing(session, appKey, formKey, tables)));
    }

    public Uni<SetAside.Purged> purge(String appKey, String formKey, PurgeRequest request, UUID by, String byName) {
        return sessions.withTransaction(session -> tables(session, appKey, formKey, true)
                        .chain(tables -> names(session, appKey, formKey, tables)
                                .map(held -> request.select(held.columns(), held.tables()))
                                .call(chosen -> drop(session, appKey, chosen))
                                .call(chosen -> chosen.columns().isEmpty() && chosen.tables().isEmpty()
                                        ? Uni.createFrom().voidItem() : tell(session, new PublishListener.SetAsidePurged(appKey, formKey,
                                        chosen.columns().stream().map(c -> c.table() + "." + c.name()).toList(),
                                        chosen.tables(), by, byName)))
                                .chain(chosen -> capacity(session, appKey, tables)
                                        .map(capacity -> new SetAside.Purged(chosen.columns(), chosen.tables(), capacity)))))
                .call(() -> {
                    published.invalidateApp(appKey);
                    return cluster.announce(PublishedForms.FORMS, appKey);
                });
    }

    /** What a form holds aside, by name only. */
    record Held(List<SetAside.ColumnName> columns, List<String> tables) {
    }

    /** The form's live tables: its own and its current subtables'; the form row is locked for a purge. */
    private static Uni<List<String>> tables(Mutiny.Session session, String appKey, String formKey, boolean lock) {
        return FormService.app(session, appKey)
                .chain(app -> FormService.find(session, app, formKey)
                        .onItem().ifNull().failWith(FormService::formNotFound)
                        .chain(form -> lock ? session.lock(form, LockMode.PESSIMISTIC_WRITE).replaceWith(form)
                                : Uni.createFrom().item(form))
                        .chain(form -> AppCatalog.load(session, app.id)))
                .map(catalog -> {
                    List<String> tables = new ArrayList<>();
                    catalog.form(formKey).ifPresent(definition -> {
                        tables.add(formKey);
                        for (FieldDefinition field : definition.fields()) {
                            if (field.type() == FieldType.SUBTABLE) {
                                tables.add(SqlNames.childTable(formKey, field.key()));
                            }
                        }
                    });
                    return tables;
                });
    }

    private static Uni<Held> names(Mutiny.Session session, String appKey, String formKey, List<String> tables) {
        if (tables.isEmpty()) {
            return Uni.createFrom().item(new Held(List.of(), List.of()));
        }
        String schema = SqlNames.schema(appKey);
        Uni<List<SetAside.ColumnName>> columns = rows(session, SetAsideStorage.COLUMNS, schema).map(rows -> rows.stream()
                .filter(row -> tables.contains((String) row[0]))
                .map(row -> new SetAside.ColumnName((String) row[0], (String) row[1])).toList());
        return columns.chain(found -> rows(session, SetAsideStorage.TABLES, schema, SqlNames.qualified(schema, formKey))
                .map(rows -> new Held(found, rows.stream().map(row -> (String) row[0]).toList())));
    }

    private static Uni<SetAside.Listing> listing(Mutiny.Session session, String appKey, String formKey, List<String> tables) {
        String schema = SqlNames.schema(appKey);
        return names(session, appKey, formKey, tables).chain(held -> measureColumns(session, schema, held.columns())
                .chain(columns -> Multi.createFrom().iterable(held.tables())
                        .onItem().transformToUniAndConcatenate(table -> measureTable(session, schema, table))
                        .collect().asList()
                        .chain(asideTables -> capacity(session, appKey, tables)
                                .map(capacity -> new SetAside.Listing(columns, asideTables, capacity)))));
    }

    private static Uni<List<SetAside.Column>> measureColumns(Mutiny.Session session, String schema,
                                                             List<SetAside.ColumnName> names) {
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        names.forEach(n -> byTable.computeIfAbsent(n.table(), t -> new ArrayList<>()).add(n.name()));
        return Multi.createFrom().iterable(byTable.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> session.createNativeQuery(
                                SetAsideStorage.measure(schema, entry.getKey(), entry.getValue()), Object[].class)
                        .getSingleResult().map(sizes -> {
                            List<SetAside.Column> columns = new ArrayList<>();
                            for (int i = 0; i < entry.getValue().size(); i++) {
                                String name = entry.getValue().get(i);
                                columns.add(new SetAside.Column(entry.getKey(), name, SetAsideStorage.removedIn(name).orElse(null),
                                        ((Number) sizes[2 * i]).longValue(), ((Number) sizes[2 * i + 1]).longValue()));
                            }
                            return columns;
                        }))
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private static Uni<SetAside.Table> measureTable(Mutiny.Session session, String schema, String table) {
        return session.createNativeQuery(SetAsideStorage.rows(schema, table), Object[].class).getSingleResult()
                .map(row -> new SetAside.Table(table, SetAsideStorage.removedIn(table).orElse(null),
                        ((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    private static Uni<List<SetAside.Capacity>> capacity(Mutiny.Session session, String appKey, List<String> tables) {
        return rows(session, SetAsideStorage.CAPACITY, SqlNames.schema(appKey)).map(rows -> rows.stream()
                .filter(row -> tables.contains((String) row[0]))
                .map(row -> new SetAside.Capacity((String) row[0], ((Number) row[1]).intValue(), StoredTables.MAX_COLUMNS))
                .toList());
    }

    private static Uni<Void> drop(Mutiny.Session session, String appKey, Held chosen) {
        String schema = SqlNames.schema(appKey);
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        chosen.columns().forEach(c -> byTable.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c.name()));
        List<String> statements = new ArrayList<>();
        byTable.forEach((table, columns) -> statements.add(SetAsideStorage.dropColumns(schema, table, columns)));
        chosen.tables().forEach(table -> statements.add(SetAsideStorage.dropTable(schema, table)));
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (String statement : statements) {
            chain = chain.chain(() -> session.createNativeQuery(statement).executeUpdate());
        }
        return chain.replaceWithVoid();
    }

    private Uni<Void> tell(Mutiny.Session session, PublishListener.SetAsidePurged event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PublishListener listener : listeners) {
            chain = chain.chain(() -> listener.setAsidePurged(session, event));
        }
        return chain;
    }

    private static Uni<List<Object[]>> rows(Mutiny.Session session, String sql, Object... params) {
        Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(sql, Object[].class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }
}
