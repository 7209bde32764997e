package dev.brickwork.designer.form;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.compile.FormCompiler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The current compiled version of each published form, held in Caffeine so that records are served without
 * compiling definitions again. A publish drops the app's entries (a form's compiled shape can depend on the
 * forms it points at). Loaded with the reactive client, so it works from any thread.
 */
@ApplicationScoped
public class PublishedForms {

    /** A form's current version, compiled, with the definition as stored ({@code source}: labels, options, order). */
    public record PublishedForm(String appKey, int version, CompiledForm form, com.fasterxml.jackson.databind.JsonNode source) {
    }

    /** app key to its published forms by key */
    private final Cache<String, Map<String, PublishedForm>> cache = Caffeine.newBuilder().maximumSize(1_000).build();

    @Inject
    Pool pool;

    public Uni<Optional<PublishedForm>> current(String appKey, String formKey) {
        return all(appKey).map(forms -> Optional.ofNullable(forms.get(formKey)));
    }

    /** Every published form of the app, by key (empty for an unknown app). */
    public Uni<Map<String, PublishedForm>> all(String appKey) {
        Map<String, PublishedForm> cached = cache.getIfPresent(appKey);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return load(appKey).invoke(forms -> cache.put(appKey, forms));
    }

    public void invalidateApp(String appKey) {
        cache.invalidate(appKey);
    }

    /**
     * Whether the database holds other current versions of the app's forms than {@code known} (a publish this node
     * has not heard of yet, or has not dropped its cache for yet); if so the app's entries are dropped, so that the
     * next look-up loads what is current.
     */
    public Uni<Boolean> refreshIfChanged(String appKey, Map<String, PublishedForm> known) {
        return pool.preparedQuery("SELECT f.form_key, f.current_version FROM brickwork.forms f"
                        + " JOIN brickwork.apps a ON a.id = f.app_id WHERE a.app_key = $1 AND f.current_version IS NOT NULL")
                .execute(Tuple.of(appKey))
                .map(rows -> {
                    Map<String, Integer> current = new HashMap<>();
                    rows.forEach(row -> current.put(row.getString(0), row.getInteger(1)));
                    Map<String, Integer> held = new HashMap<>();
                    known.forEach((key, form) -> held.put(key, form.version()));
                    boolean changed = !current.equals(held);
                    if (changed) {
                        invalidateApp(appKey);
                    }
                    return changed;
                });
    }

    /** Another node (or this one) published a form of the app. */
    void onClusterChange(@jakarta.enterprise.event.Observes dev.brickwork.platform.cluster.ClusterChange change) {
        if (FORMS.equals(change.topic())) {
            invalidateApp(change.key());
        }
    }

    /** The topic of announcements that an app's published forms changed. */
    public static final String FORMS = "forms";

    private Uni<Map<String, PublishedForm>> load(String appKey) {
        return pool.preparedQuery("SELECT f.form_key, v.number, v.definition::text FROM brickwork.forms f"
                        + " JOIN brickwork.apps a ON a.id = f.app_id"
                        + " JOIN brickwork.form_versions v ON v.form_id = f.id AND v.number = f.current_version"
                        + " WHERE a.app_key = $1")
                .execute(Tuple.of(appKey))
                .map(rows -> {
                    Map<String, com.fasterxml.jackson.databind.JsonNode> sources = new HashMap<>();
                    Map<String, Integer> numbers = new HashMap<>();
                    for (Row row : rows) {
                        sources.put(row.getString(0), AppCatalog.parse(row.getString(2)));
                        numbers.put(row.getString(0), row.getInteger(1));
                    }
                    AppCatalog catalog = AppCatalog.of(sources);
                    Map<String, PublishedForm> forms = new HashMap<>();
                    sources.forEach((key, source) -> FormCompiler.compile(source, catalog).form()
                            .ifPresent(form -> forms.put(key, new PublishedForm(appKey, numbers.get(key), form, source))));
                    return Map.copyOf(forms);
                });
    }
}
