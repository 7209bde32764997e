package dev.brickwork.designer.flow;

import dev.brickwork.designer.DesignProblem;
import dev.brickwork.designer.Keys;
import dev.brickwork.designer.app.AppEntity;
import dev.brickwork.designer.app.AppService;
import dev.brickwork.designer.form.CurrentForms;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.platform.Ids;
import dev.brickwork.platform.db.LostRaces;
import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.IfMatch;
import dev.brickwork.platform.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Saves flow drafts (with their problems, even unfinished) and reads flows and their versions. */
@ApplicationScoped
public class FlowDrafts {

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    Instance<FlowEnvironment> environments;

    public record SavedDraft(FlowEntity flow, List<Problem> problems) {
    }

    public record FlowView(FlowEntity flow, List<FlowVersionEntity> versions) {
    }

    /**
     * Checks the draft against the current published version of the form it names and the roles that exist now,
     * and stores it with its problems.
     *
     * @param expectedVersion the flow's version the client last read ({@code If-Match}), or null to overwrite
     */
    public Uni<SavedDraft> saveDraft(String appKey, String flowKey, FlowDraft draft, UUID by, Integer expectedVersion) {
        if (!Keys.valid(flowKey)) {
            return Uni.createFrom().failure(flowNotFound());
        }
        return environment(environments).chain(environment -> roles(environment).chain(roles -> users(environment, draft)
                .map(users -> new Directory(roles, users)))).chain(directory -> LostRaces.answer(sessions.withTransaction(session ->
                app(session, appKey).chain(app -> find(session, app, flowKey).chain(existing -> {
                    if (expectedVersion != null && (existing == null || IfMatch.stale(expectedVersion, existing.version))) {
                        throw new ProblemException(CommonProblem.STALE_VERSION, "The flow changed since it was read; read it again.");
                    }
                    return form(session, app.id, draft.formKey()).chain(form -> {
                        List<Problem> problems = DraftChecks.check(draft, flowKey, form, directory.roles(),
                                directory.users()).problems();
                        FlowEntity flow = existing != null ? existing : newFlow(app, flowKey);
                        store(flow, draft);
                        flow.draftProblems = StoredJson.write(problems);
                        flow.draftSavedAt = Instant.now();
                        flow.draftSavedBy = by;
                        Uni<Void> stored = existing != null ? Uni.createFrom().voidItem() : session.persist(flow);
                        return stored.call(session::flush).replaceWith(new SavedDraft(flow, problems));
                    });
                }))), () -> new ProblemException(DesignProblem.DRAFT_CONFLICT,
                "Someone else saved this flow's draft at the same moment; read it and save again.")));
    }

    public Uni<FlowView> get(String appKey, String flowKey) {
        return sessions.withSession(session -> app(session, appKey)
                .chain(app -> find(session, app, flowKey))
                .onItem().ifNull().failWith(FlowDrafts::flowNotFound)
                .chain(flow -> session.createSelectionQuery("from FlowVersionEntity where flowId = :flow order by number",
                                FlowVersionEntity.class).setParameter("flow", flow.id).getResultList()
                        .map(versions -> new FlowView(flow, versions))));
    }

    public Uni<FlowVersionEntity> version(String appKey, String flowKey, int number) {
        return sessions.withSession(session -> app(session, appKey)
                .chain(app -> find(session, app, flowKey))
                .onItem().ifNull().failWith(FlowDrafts::flowNotFound)
                .chain(flow -> session.createSelectionQuery("from FlowVersionEntity where flowId = :flow and number = :n",
                                FlowVersionEntity.class).setParameter("flow", flow.id).setParameter("n", number)
                        .getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> new ProblemException(DesignProblem.VERSION_NOT_FOUND,
                        "The flow has no such published version.")));
    }

    /** The draft a flow row holds, or null when it holds none. */
    static FlowDraft stored(FlowEntity flow) {
        if (flow.draftBpmn != null) {
            return new FlowDraft.Uploaded(flow.draftBpmn.getBytes(StandardCharsets.UTF_8),
                    FlowDraft.Binding.of(flow.draftForm, flow.draftTrigger == null ? null : StoredJson.parse(flow.draftTrigger)));
        }
        return flow.draft == null ? null : new FlowDraft.Designed(StoredJson.parse(flow.draft));
    }

    static void store(FlowEntity flow, FlowDraft draft) {
        if (draft instanceof FlowDraft.Uploaded upload) {
            flow.draft = null;
            // the resource only lets UTF-8 through, so the text gives the same bytes back at publish
            flow.draftBpmn = new String(upload.bpmn(), StandardCharsets.UTF_8);
            flow.draftForm = upload.binding().form();
            flow.draftTrigger = upload.binding().triggerJson().toString();
        } else {
            flow.draft = ((FlowDraft.Designed) draft).json().toString();
            flow.draftBpmn = null;
            flow.draftForm = draft.formKey().orElse(null);
            flow.draftTrigger = null;
        }
    }

    private record Directory(Set<String> roles, java.util.Map<String, String> users) {
    }

    /**
     * The ids of the users an uploaded draft names by username, delivered back on the caller's context; none for a
     * designed draft, which names users by id.
     */
    static Uni<java.util.Map<String, String>> users(FlowEnvironment environment, FlowDraft draft) {
        if (!(draft instanceof FlowDraft.Uploaded upload)) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        Set<String> names = dev.brickwork.workflow.plan.UploadedFlows.usernames(upload.bpmn());
        return names.isEmpty() ? Uni.createFrom().item(java.util.Map.of()) : SameContext.keep(() -> environment.userIds(names));
    }

    /** The roles that exist now, delivered back on the caller's context. */
    static Uni<Set<String>> roles(FlowEnvironment environment) {
        return SameContext.keep(environment::roleKeys);
    }

    static Uni<FlowEnvironment> environment(Instance<FlowEnvironment> environments) {
        return Uni.createFrom().item(() -> {
            if (!environments.isResolvable()) {
                throw new ProblemException(DesignProblem.FLOW_ENGINE_MISSING,
                        "Flows cannot be checked or published without a workflow engine.");
            }
            return environments.get();
        });
    }

    /** The current published version of the form, compiled; empty when none is named or it has none. */
    static Uni<Optional<CompiledForm>> form(Mutiny.Session session, UUID appId, Optional<String> formKey) {
        return formKey.isEmpty() ? Uni.createFrom().item(Optional.empty())
                : CurrentForms.compiled(session, appId, formKey.get());
    }

    static Uni<AppEntity> app(Mutiny.Session session, String appKey) {
        return AppService.findByKey(session, appKey).onItem().ifNull().failWith(AppService::notFound);
    }

    static Uni<FlowEntity> find(Mutiny.Session session, AppEntity app, String flowKey) {
        return session.createSelectionQuery("from FlowEntity where appId = :app and flowKey = :key", FlowEntity.class)
                .setParameter("app", app.id).setParameter("key", flowKey).getSingleResultOrNull();
    }

    static ProblemException flowNotFound() {
        return new ProblemException(DesignProblem.FLOW_NOT_FOUND, "The app has no flow with this key.");
    }

    static FlowEntity newFlow(AppEntity app, String flowKey) {
        FlowEntity flow = new FlowEntity();
        flow.id = Ids.newId();
        flow.appId = app.id;
        flow.flowKey = flowKey;
        return flow;
    }
}
