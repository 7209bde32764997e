package dev.brickwork.designer.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.compile.FormCatalog;
import dev.brickwork.forms.compile.FormCompiler;
import dev.brickwork.forms.model.FormDefinition;
import dev.brickwork.platform.http.JsonBodies;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The current published definitions of an app's forms: what a definition being checked may point at. */
final class AppCatalog implements FormCatalog {

    private final Map<String, JsonNode> sources;
    private final Map<String, FormDefinition> definitions = new HashMap<>();

    private AppCatalog(Map<String, JsonNode> sources) {
        this.sources = sources;
    }

    static Uni<AppCatalog> load(Mutiny.Session session, UUID appId) {
        return session.createSelectionQuery("select f.formKey, v.definition from FormEntity f, FormVersionEntity v"
                        + " where v.formId = f.id and v.number = f.currentVersion and f.appId = :app", Object[].class)
                .setParameter("app", appId).getResultList()
                .map(AppCatalog::of);
    }

    private static AppCatalog of(List<Object[]> rows) {
        Map<String, JsonNode> sources = new HashMap<>();
        for (Object[] row : rows) {
            sources.put((String) row[0], parse((String) row[1]));
        }
        return new AppCatalog(sources);
    }

    /** The catalog of these published definitions, by form key. */
    static AppCatalog of(Map<String, JsonNode> sources) {
        return new AppCatalog(Map.copyOf(sources));
    }

    /** These published definitions with {@code definitions} in place of (or beside) them: what a package installs. */
    AppCatalog with(Map<String, JsonNode> definitions) {
        Map<String, JsonNode> all = new HashMap<>(sources);
        all.putAll(definitions);
        return new AppCatalog(Map.copyOf(all));
    }

    /** The keys of the app's published forms. */
    Set<String> keys() {
        return sources.keySet();
    }

    /** The published definition JSON of a form, if it has one. */
    Optional<JsonNode> source(String formKey) {
        return Optional.ofNullable(sources.get(formKey));
    }

    @Override
    public Optional<FormDefinition> form(String formKey) {
        JsonNode source = sources.get(formKey);
        if (source == null) {
            return Optional.empty();
        }
        // published definitions were valid when published: reading them needs no catalog of its own
        return Optional.ofNullable(definitions.computeIfAbsent(formKey,
                key -> FormCompiler.compile(source, FormCatalog.EMPTY).definition().orElse(null)));
    }

    static JsonNode parse(String json) {
        try {
            return JsonBodies.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored definition is not JSON", e);
        }
    }
}
