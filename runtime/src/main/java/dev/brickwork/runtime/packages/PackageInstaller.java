package dev.brickwork.runtime.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.app.AppEntity;
import dev.brickwork.designer.app.AppService;
import dev.brickwork.designer.flow.FlowDraft;
import dev.brickwork.designer.flow.FlowSetPublisher;
import dev.brickwork.designer.flow.PublishedFlows;
import dev.brickwork.designer.form.FormSetPublisher;
import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.platform.cluster.ClusterChanges;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.runtime.audit.PublishAudit;
import dev.brickwork.runtime.auth.AccessChanged;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Installs or upgrades an app from a package (docs/spec.md §3, decision 0021), in one database transaction: the app,
 * its forms (merged with an admin's edits, then published together), its roles, the departments it expects, its
 * flows, and the package kept as the base of the next upgrade. A dry run does all of it and rolls back, so its plan
 * is exactly what the install would do; the workflow engine deploys nothing for it. Any problem fails the whole
 * install, located in the package. Only a flow's engine deployment is outside the transaction (as for a single
 * flow publish): should the commit fail after it, the engine keeps a deployment no version points at.
 */
@ApplicationScoped
public class PackageInstaller {

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormSetPublisher formPublisher;

    @Inject
    FlowSetPublisher flowPublisher;

    @Inject
    PublishedForms publishedForms;

    @Inject
    PublishedFlows publishedFlows;

    @Inject
    ClusterChanges cluster;

    @Inject
    Event<AccessChanged> accessChanged;

    @Inject
    Event<PackageInstalled> installed;

    /** What the app holds now, as a package would: the "mine" of the merge. */
    private record Current(AppEntity app, boolean created, Map<String, JsonNode> forms, Map<String, JsonNode> flows,
                           Map<String, ObjectNode> roles, Map<String, UUID> departments, JsonNode base, String baseVersion) {
    }

    /**
     * Blocking: call it from a worker thread, never the event loop. Fires {@link PackageInstalled} after a real
     * install committed.
     *
     * @throws dev.brickwork.platform.http.ProblemException 422 {@code PACKAGE_INVALID} (every problem located) or
     *                                                       {@code MIGRATION_BLOCKED}; nothing is installed
     */
    public PackagePlan install(JsonNode document, boolean dryRun, UUID by, String byName) {
        PackageDocument pkg = PackageReader.read(document);
        PackagePlan plan;
        try {
            plan = VertxContextSupport.subscribeAndAwait(() -> install(pkg, dryRun, by, byName));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("The package install failed", e);
        }
        if (!dryRun && plan.changes()) {
            accessChanged.fire(new AccessChanged(AccessChanged.ROLES));
            accessChanged.fire(new AccessChanged(AccessChanged.DEPARTMENTS));
        }
        if (!dryRun) {
            installed.fire(new PackageInstalled(pkg.appKey(), plan.created(), pkg.seed(), by, byName));
        }
        return plan;
    }

    private Uni<PackagePlan> install(PackageDocument pkg, boolean dryRun, UUID by, String byName) {
        return sessions.withTransaction((session, transaction) -> session
                        // two installs of one app queue up here; the second then merges against the first
                        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "brickwork.package:" + pkg.appKey())
                        .getSingleResult()
                        .chain(() -> current(session, pkg, by))
                        .chain(current -> apply(session, pkg, current, dryRun, by, byName))
                        .invoke(() -> {
                            if (dryRun) {
                                transaction.markForRollback();
                            }
                        }))
                .call(plan -> dryRun ? Uni.createFrom().voidItem() : announce(plan.app()));
    }

    private Uni<Void> announce(String appKey) {
        publishedForms.invalidateApp(appKey);
        publishedFlows.invalidateApp(appKey);
        return cluster.announce(PublishedForms.FORMS, appKey).chain(() -> cluster.announce(PublishedFlows.FLOWS, appKey));
    }

    private Uni<Current> current(Mutiny.Session session, PackageDocument pkg, UUID by) {
        return AppService.findByKey(session, pkg.appKey()).chain(found -> {
            Uni<AppEntity> app = found != null ? Uni.createFrom().item(found)
                    : AppService.persistNew(session, pkg.appKey(), pkg.appLabel(), by).call(session::flush);
            return app.chain(entity -> FormSetPublisher.exported(session, entity)
                    .chain(forms -> flowPublisher.exported(session, entity).chain(flows -> PackageRoles.stored(session)
                            .chain(roles -> PackageDepartments.stored(session).chain(departments -> base(session, pkg.appKey())
                                    .map(base -> {
                                        Map<String, JsonNode> flowJson = new LinkedHashMap<>();
                                        flows.forEach(flow -> flowJson.put(flow.flowKey(), flow.json()));
                                        return new Current(entity, found == null, forms, flowJson, roles, departments,
                                                base == null ? null : base.path("package"),
                                                base == null ? null : base.path("version").asText());
                                    }))))));
        });
    }

    private static Uni<JsonNode> base(Mutiny.Session session, String appKey) {
        return session.createNativeQuery("SELECT json_build_object('version', app_version, 'package', package)::text"
                        + " FROM brickwork.app_packages WHERE app_key = ?1", String.class)
                .setParameter(1, appKey).getResultList()
                .map(rows -> rows.isEmpty() ? null : JsonBodies.parse(rows.get(0)));
    }

    private Uni<PackagePlan> apply(Mutiny.Session session, PackageDocument pkg, Current current, boolean dryRun, UUID by,
                                   String byName) {
        Map<String, List<PackagePlan.Conflict>> formConflicts = new LinkedHashMap<>();
        LinkedHashMap<String, JsonNode> forms = new LinkedHashMap<>();
        pkg.forms().forEach((key, theirs) -> {
            ThreeWay.Merged merged = ThreeWay.form(basePart(current, "forms", key), current.forms().get(key), theirs,
                    pkg.formPointers().get(key));
            forms.put(key, merged.result());
            formConflicts.put(key, conflicts(merged));
        });
        if (!current.created()) {
            current.app().label = pkg.appLabel().toString();
        }
        return formPublisher.publish(session, current.app(), forms, pkg.formPointers(), dryRun, by, byName)
                .chain(formOutcomes -> roles(session, pkg, current, dryRun, by, byName)
                        .chain(roleSteps -> departments(session, pkg, current, dryRun, by, byName)
                                .chain(departmentSteps -> flows(session, pkg, current, dryRun, by, byName)
                                        .chain(flowSteps -> {
                                            List<PackagePlan.FormStep> formSteps = formOutcomes.stream()
                                                    .map(outcome -> formStep(outcome, formConflicts.get(outcome.formKey()))).toList();
                                            PackagePlan plan = new PackagePlan(pkg.appKey(), pkg.appVersion(), current.baseVersion(),
                                                    current.created(), dryRun,
                                                    changes(current.created(), pkg, current, formSteps, flowSteps, roleSteps, departmentSteps),
                                                    formSteps, flowSteps, roleSteps, departmentSteps, current.created() ? pkg.seed() : null);
                                            return dryRun || !plan.changes() ? Uni.createFrom().item(plan)
                                                    : remember(session, pkg, by, byName, plan).replaceWith(plan);
                                        }))));
    }

    private static PackagePlan.FormStep formStep(FormSetPublisher.Outcome outcome, List<PackagePlan.Conflict> conflicts) {
        String action = conflicts.isEmpty() ? outcome.action() : PackagePlan.CONFLICT;
        return new PackagePlan.FormStep(outcome.formKey(), action, outcome.version(), outcome.migration(), conflicts);
    }

    private static boolean changes(boolean created, PackageDocument pkg, Current current, List<PackagePlan.FormStep> forms,
                                   List<PackagePlan.FlowStep> flows, List<PackagePlan.RoleStep> roles,
                                   List<PackagePlan.DepartmentStep> departments) {
        boolean partsChange = forms.stream().anyMatch(step -> !step.migration().isEmpty() || step.action().equals("create")
                || step.action().equals("upgrade"))
                || flows.stream().anyMatch(step -> step.action().equals("create") || step.action().equals("upgrade"))
                || roles.stream().anyMatch(step -> step.action().equals("create") || step.action().equals("update"))
                || departments.stream().anyMatch(step -> step.action().equals("create"));
        return created || partsChange || !pkg.appVersion().equals(current.baseVersion());
    }

    private Uni<List<PackagePlan.RoleStep>> roles(Mutiny.Session session, PackageDocument pkg, Current current, boolean dryRun,
                                                  UUID by, String byName) {
        List<PackagePlan.RoleStep> steps = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, ObjectNode> entry : pkg.roles().entrySet()) {
            String key = entry.getKey();
            ObjectNode stored = current.roles().get(key);
            JsonNode mine = stored == null ? null : PackageRoles.onApp(stored, pkg.appKey());
            ThreeWay.Merged merged = ThreeWay.whole(basePart(current, "roles", key), mine, entry.getValue(), pkg.rolePointers().get(key));
            List<PackagePlan.Conflict> conflicts = conflicts(merged);
            boolean same = Objects.equals(merged.result(), mine);
            String action = !conflicts.isEmpty() ? PackagePlan.CONFLICT : same ? PackagePlan.UNCHANGED : stored == null ? "create" : "update";
            steps.add(new PackagePlan.RoleStep(key, action, conflicts));
            if (!same && !dryRun) {
                ObjectNode role = PackageRoles.replaced(stored, (ObjectNode) merged.result(), pkg.appKey());
                chain = chain.chain(() -> PackageRoles.write(session, key, role, by, byName));
            }
        }
        return chain.replaceWith(steps);
    }

    private static Uni<List<PackagePlan.DepartmentStep>> departments(Mutiny.Session session, PackageDocument pkg, Current current,
                                                                     boolean dryRun, UUID by, String byName) {
        List<String> missing = PackageDepartments.missing(pkg.departments(), current.departments());
        List<PackagePlan.DepartmentStep> steps = new ArrayList<>();
        missing.forEach(path -> steps.add(new PackagePlan.DepartmentStep(path, "create")));
        pkg.departments().stream().filter(path -> !missing.contains(path))
                .forEach(path -> steps.add(new PackagePlan.DepartmentStep(path, PackagePlan.UNCHANGED)));
        Uni<Void> created = dryRun ? Uni.createFrom().voidItem()
                : PackageDepartments.create(session, missing, current.departments(), by, byName);
        return created.replaceWith(steps);
    }

    private Uni<List<PackagePlan.FlowStep>> flows(Mutiny.Session session, PackageDocument pkg, Current current, boolean dryRun,
                                                  UUID by, String byName) {
        LinkedHashMap<String, FlowDraft> drafts = new LinkedHashMap<>();
        Map<String, List<PackagePlan.Conflict>> conflicts = new LinkedHashMap<>();
        pkg.flows().forEach((key, theirs) -> {
            JsonNode theirJson = pkg.flowJson().get(key);
            ThreeWay.Merged merged = ThreeWay.whole(basePart(current, "flows", key), current.flows().get(key), theirJson,
                    pkg.flowPointers().get(key));
            drafts.put(key, Objects.equals(merged.result(), theirJson) ? theirs : PackageReader.flow(merged.result()));
            conflicts.put(key, conflicts(merged));
        });
        return flowPublisher.publish(session, current.app(), drafts, pkg.flowPointers(), pkg.roles().keySet(), dryRun, by, byName)
                .map(outcomes -> outcomes.stream().map(outcome -> {
                    List<PackagePlan.Conflict> found = conflicts.get(outcome.flowKey());
                    return new PackagePlan.FlowStep(outcome.flowKey(), found.isEmpty() ? outcome.action() : PackagePlan.CONFLICT,
                            outcome.version(), found);
                }).toList());
    }

    /** The base's part with this key ({@code forms}, {@code flows}, {@code roles}), or null. */
    private static JsonNode basePart(Current current, String list, String key) {
        if (current.base() == null) {
            return null;
        }
        for (JsonNode part : current.base().path(list)) {
            if (key.equals(part.path("key").asText())) {
                return part;
            }
        }
        return null;
    }

    private static List<PackagePlan.Conflict> conflicts(ThreeWay.Merged merged) {
        return merged.conflicts().stream().map(c -> new PackagePlan.Conflict(c.pointer(), c.message())).toList();
    }

    /** Keeps the package (roles normalised, without its seed) as the base of the next upgrade, and audits the install. */
    private static Uni<Void> remember(Mutiny.Session session, PackageDocument pkg, UUID by, String byName, PackagePlan plan) {
        ObjectNode stored = JsonBodies.mapper().createObjectNode();
        ArrayNode forms = stored.putArray("forms");
        pkg.forms().values().forEach(forms::add);
        ArrayNode flows = stored.putArray("flows");
        pkg.flowJson().values().forEach(flows::add);
        ArrayNode roles = stored.putArray("roles");
        pkg.roles().values().forEach(roles::add);
        ObjectNode detail = JsonBodies.mapper().createObjectNode().put("version", pkg.appVersion()).put("created", plan.created());
        if (plan.previousVersion() != null) {
            detail.put("previousVersion", plan.previousVersion());
        }
        return session.createNativeQuery("INSERT INTO brickwork.app_packages (app_key, app_version, package, installed_by)"
                        + " VALUES (?1, ?2, cast(cast(?3 as text) as jsonb), ?4) ON CONFLICT (app_key) DO UPDATE SET app_version = excluded.app_version,"
                        + " package = excluded.package, installed_at = now(), installed_by = excluded.installed_by")
                .setParameter(1, pkg.appKey()).setParameter(2, pkg.appVersion()).setParameter(3, stored.toString())
                .setParameter(4, by).executeUpdate()
                .chain(() -> PublishAudit.append(session, "package.installed", pkg.appKey(), null, by, byName, detail));
    }
}
