package dev.brickwork.designer.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.DesignProblem;
import dev.brickwork.designer.app.AppEntity;
import dev.brickwork.forms.Problem;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes several flows of one app inside the caller's transaction (a package install), after the forms they run
 * on: every draft is checked first, against the forms as the same transaction has published them and against the
 * roles that exist or come with the package, and only a set without errors is published, each through the
 * single-flow publish (plan, deploy, version, listeners).
 */
@ApplicationScoped
public class FlowSetPublisher {

    @Inject
    Instance<FlowEnvironment> environments;

    @Inject
    FlowPublisher publisher;

    /** @param action {@code create}, {@code upgrade} or {@code unchanged} */
    public record Outcome(String flowKey, String action, int version) {
    }

    /** A flow of an app as a package holds it: the designed JSON, or an uploaded BPMN with its form and trigger. */
    public record Exported(String flowKey, JsonNode json) {
    }

    private record Checked(String flowKey, FlowDraft draft, FlowEntity existing, boolean unchanged, List<Problem> warnings) {
    }

    /**
     * @param drafts       the flows by key
     * @param pointers     where each flow is in the caller's document ({@code /flows/1})
     * @param packageRoles roles the caller creates in the same transaction, which approvers may name
     * @param dryRun       check and plan only: nothing is deployed or stored
     */
    public Uni<List<Outcome>> publish(Mutiny.Session session, AppEntity app, LinkedHashMap<String, FlowDraft> drafts,
                                      Map<String, String> pointers, Set<String> packageRoles, boolean dryRun, UUID by,
                                      String byName) {
        if (drafts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return FlowDrafts.environment(environments).chain(environment -> FlowDrafts.roles(environment).chain(existing -> {
            Set<String> roles = new HashSet<>(existing);
            roles.addAll(packageRoles);
            return check(session, environment, app, drafts, pointers, roles)
                    .chain(checked -> apply(session, environment, roles, app, checked, dryRun, by, byName));
        }));
    }

    private static Uni<List<Checked>> check(Mutiny.Session session, FlowEnvironment environment, AppEntity app,
                                            LinkedHashMap<String, FlowDraft> drafts, Map<String, String> pointers,
                                            Set<String> roles) {
        List<Checked> checked = new ArrayList<>();
        List<ProblemError> errors = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, FlowDraft> entry : drafts.entrySet()) {
            String key = entry.getKey();
            FlowDraft draft = entry.getValue();
            String at = pointers.getOrDefault(key, "");
            chain = chain.chain(() -> FlowDrafts.find(session, app, key).chain(flow -> current(session, flow).chain(version -> {
                if (version.isPresent() && same(version.get(), draft)) {
                    checked.add(new Checked(key, draft, flow, true, List.of()));
                    return Uni.createFrom().voidItem();
                }
                return FlowDrafts.users(environment, draft).chain(users -> FlowDrafts.form(session, app.id, draft.formKey()).invoke(form -> {
                    List<Problem> problems = DraftChecks.check(draft, key, form, roles, users).problems();
                    problems.stream().filter(Problem::isError).forEach(problem -> errors.add(new ProblemError(
                            at + problem.pointer(), problem.code(), "error", problem.message(), null)));
                    checked.add(new Checked(key, draft, flow, false, problems.stream().filter(p -> !p.isError()).toList()));
                })).replaceWithVoid();
            })));
        }
        return chain.map(done -> {
            if (!errors.isEmpty()) {
                throw new ProblemException(DesignProblem.PACKAGE_INVALID, "The package has problems; nothing was installed.", errors);
            }
            return checked;
        });
    }

    private Uni<List<Outcome>> apply(Mutiny.Session session, FlowEnvironment environment, Set<String> roles, AppEntity app,
                                     List<Checked> checked, boolean dryRun, UUID by, String byName) {
        List<Outcome> outcomes = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Checked flow : checked) {
            if (flow.unchanged()) {
                outcomes.add(new Outcome(flow.flowKey(), "unchanged", flow.existing().currentVersion));
                continue;
            }
            boolean created = flow.existing() == null || flow.existing().currentVersion == null;
            chain = chain.chain(() -> storeDraft(session, app, flow, by))
                    .chain(() -> publisher.publish(session, environment, roles, app.appKey, flow.flowKey(), dryRun, by, byName))
                    .invoke(published -> outcomes.add(new Outcome(flow.flowKey(), created ? "create" : "upgrade", published.version())))
                    .replaceWithVoid();
        }
        return chain.replaceWith(outcomes);
    }

    private static Uni<Void> storeDraft(Mutiny.Session session, AppEntity app, Checked checked, UUID by) {
        FlowEntity flow = checked.existing() != null ? checked.existing() : FlowDrafts.newFlow(app, checked.flowKey());
        FlowDrafts.store(flow, checked.draft());
        flow.draftProblems = StoredJson.write(checked.warnings());
        flow.draftSavedAt = Instant.now();
        flow.draftSavedBy = by;
        Uni<Void> stored = checked.existing() != null ? Uni.createFrom().voidItem() : session.persist(flow);
        return stored.call(session::flush);
    }

    private static Uni<Optional<FlowVersionEntity>> current(Mutiny.Session session, FlowEntity flow) {
        if (flow == null || flow.currentVersion == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return session.createSelectionQuery("from FlowVersionEntity where flowId = :flow and number = :n", FlowVersionEntity.class)
                .setParameter("flow", flow.id).setParameter("n", flow.currentVersion).getSingleResultOrNull()
                .map(Optional::ofNullable);
    }

    /** The published version is what the draft would publish again. */
    private static boolean same(FlowVersionEntity version, FlowDraft draft) {
        if (draft instanceof FlowDraft.Designed designed) {
            return version.definition != null && StoredJson.parse(version.definition).equals(designed.json());
        }
        FlowDraft.Uploaded upload = (FlowDraft.Uploaded) draft;
        return version.definition == null && version.bpmn.equals(new String(upload.bpmn(), StandardCharsets.UTF_8))
                && StoredJson.parse(version.trigger).equals(upload.binding().triggerJson())
                && version.formKey.equals(upload.binding().form());
    }

    /** The app's published flows as a package holds them, by key. */
    public Uni<List<Exported>> exported(Mutiny.Session session, AppEntity app) {
        return session.createSelectionQuery("select f.flowKey, v from FlowEntity f, FlowVersionEntity v where v.flowId = f.id"
                        + " and v.number = f.currentVersion and f.appId = :app order by f.flowKey", Object[].class)
                .setParameter("app", app.id).getResultList()
                .map(rows -> rows.stream().map(row -> new Exported((String) row[0], json((String) row[0],
                        (FlowVersionEntity) row[1]))).toList());
    }

    private static JsonNode json(String flowKey, FlowVersionEntity version) {
        if (version.definition != null) {
            return StoredJson.parse(version.definition);
        }
        ObjectNode uploaded = JsonNodeFactory.instance.objectNode();
        uploaded.put("key", flowKey).put("form", version.formKey);
        uploaded.set("trigger", StoredJson.parse(version.trigger));
        uploaded.put("bpmn", version.bpmn);
        return uploaded;
    }
}
