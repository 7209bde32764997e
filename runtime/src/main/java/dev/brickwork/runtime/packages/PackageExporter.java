package dev.brickwork.runtime.packages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.app.AppEntity;
import dev.brickwork.designer.app.AppService;
import dev.brickwork.designer.flow.FlowSetPublisher;
import dev.brickwork.designer.form.FormSetPublisher;
import dev.brickwork.platform.http.JsonBodies;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An app's published state as one package (docs/spec.md §3): forms and flows by key, the roles that grant on the
 * app (their entries for this app only), every department path. Drafts and records are not part of it, nor a seed.
 * Installing the export on an empty database reproduces the app, and exporting that gives the same document.
 */
@ApplicationScoped
public class PackageExporter {

    /** The version an app that was never installed from a package exports with. */
    static final String UNVERSIONED = "0.0.0";

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FlowSetPublisher flows;

    public Uni<ObjectNode> export(String appKey) {
        return sessions.withSession(session -> AppService.findByKey(session, appKey)
                .onItem().ifNull().failWith(AppService::notFound)
                .chain(app -> version(session, appKey).chain(version -> {
                    ObjectNode pkg = JsonBodies.mapper().createObjectNode().put("packageVersion", PackageReader.PACKAGE_VERSION);
                    pkg.set("app", app(app, version));
                    return FormSetPublisher.exported(session, app)
                            .invoke(forms -> forms.values().forEach(pkg.putArray("forms")::add))
                            .chain(() -> flows.exported(session, app))
                            .invoke(exported -> {
                                ArrayNode list = pkg.putArray("flows");
                                exported.forEach(flow -> list.add(flow.json()));
                            })
                            .chain(() -> PackageRoles.stored(session))
                            .invoke(roles -> roles(roles, appKey, pkg.putArray("roles")))
                            .chain(() -> PackageDepartments.stored(session))
                            .map(departments -> departments(departments, pkg.putArray("departments")))
                            .replaceWith(pkg);
                })));
    }

    private static ObjectNode app(AppEntity app, String version) {
        ObjectNode json = JsonBodies.mapper().createObjectNode().put("key", app.appKey);
        json.set("label", JsonBodies.parse(app.label));
        return json.put("version", version);
    }

    private static Uni<String> version(Mutiny.Session session, String appKey) {
        return session.createNativeQuery("SELECT app_version FROM brickwork.app_packages WHERE app_key = ?1", String.class)
                .setParameter(1, appKey).getResultList()
                .map(rows -> rows.isEmpty() ? UNVERSIONED : rows.get(0));
    }

    private static void roles(Map<String, ObjectNode> stored, String appKey, ArrayNode into) {
        stored.values().stream().map(role -> PackageRoles.onApp(role, appKey)).filter(role -> role != null).forEach(into::add);
    }

    /** Paths sorted: a parent always comes before its children. */
    private static ArrayNode departments(Map<String, UUID> stored, ArrayNode into) {
        new TreeMap<>(stored).keySet().forEach(path -> into.addObject().put("path", path));
        return into;
    }
}
