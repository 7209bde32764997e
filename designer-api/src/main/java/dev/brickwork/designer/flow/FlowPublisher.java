package dev.brickwork.designer.flow;

import dev.brickwork.designer.DesignProblem;
import dev.brickwork.designer.form.PublishListener;
import dev.brickwork.forms.Problem;
import dev.brickwork.platform.Ids;
import dev.brickwork.platform.cluster.ClusterChanges;
import dev.brickwork.platform.db.LostRaces;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.workflow.engine.Deployment;
import dev.brickwork.workflow.plan.FlowPlan;
import dev.brickwork.workflow.plan.FlowPlanJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes a flow's draft as its next version. One transaction: lock the flow, check the draft again against the
 * form's current version and the roles that exist now, make its plan (compiling a designed flow to BPMN), deploy it,
 * store the version with the engine's ids and make it current. Nothing is written when a check or the deployment
 * fails. The engine's deployment is not part of the transaction: should the commit fail after it, the engine holds a
 * deployment no version points at, which nothing ever starts.
 */
@ApplicationScoped
public class FlowPublisher {

    private static final Logger LOG = Logger.getLogger(FlowPublisher.class);

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    Instance<FlowEnvironment> environments;

    @Inject
    PublishedFlows published;

    @Inject
    ClusterChanges cluster;

    @Inject
    Instance<PublishListener> listeners;

    /**
     * @param version             the version published, or the one a dry run would publish
     * @param processDefinitionId the deployed version's id in the engine; null for a dry run
     * @param bpmn                the BPMN XML deployed (or that would be)
     */
    @Schema(name = "FlowPublished")
    public record Published(int version, String processDefinitionId, String bpmn, boolean dryRun) {
    }

    private record Prepared(FlowEntity flow, DraftChecks.Ready checked, FlowPlan plan, String planJson, int number) {
    }

    public Uni<Published> publish(String appKey, String flowKey, boolean dryRun, UUID by, String byName) {
        return FlowDrafts.environment(environments)
                .chain(environment -> FlowDrafts.roles(environment).chain(roles -> LostRaces.answer(
                        sessions.withTransaction(session -> publish(session, environment, roles, appKey, flowKey, dryRun, by, byName)),
                        () -> new ProblemException(DesignProblem.PUBLISH_CONFLICT,
                                "Someone else published this flow at the same moment; read it and publish again."))))
                .call(result -> {
                    if (result.dryRun()) {
                        return Uni.createFrom().voidItem();
                    }
                    published.invalidateApp(appKey);
                    return cluster.announce(PublishedFlows.FLOWS, appKey);
                });
    }

    /** Publishes inside the caller's transaction (a package install); the caller invalidates the cache after commit. */
    Uni<Published> publish(Mutiny.Session session, FlowEnvironment environment, Set<String> roles, String appKey,
                                   String flowKey, boolean dryRun, UUID by, String byName) {
        Uni<Prepared> prepared = FlowDrafts.app(session, appKey).chain(app -> FlowDrafts.find(session, app, flowKey)
                .onItem().ifNull().failWith(FlowDrafts::flowNotFound)
                .chain(flow -> session.lock(flow, LockMode.PESSIMISTIC_WRITE).replaceWith(flow))
                .chain(flow -> prepare(session, environment, app.id, flow, roles)));
        if (dryRun) {
            return prepared.map(next -> new Published(next.number(), null, next.plan().bpmn(), true));
        }
        return prepared.chain(next -> deploy(environment, next.plan())
                .chain(deployment -> store(session, next, deployment, by))
                .call(done -> tell(session, new PublishListener.FlowPublished(appKey, flowKey, done.version(),
                        next.checked().form(), next.flow().draftBpmn != null, done.processDefinitionId(), by, byName))));
    }

    private static Uni<Prepared> prepare(Mutiny.Session session, FlowEnvironment environment, UUID appId, FlowEntity flow,
                                         Set<String> roles) {
        FlowDraft draft = FlowDrafts.stored(flow);
        if (draft == null) {
            return Uni.createFrom().failure(new ProblemException(DesignProblem.FLOW_DRAFT_MISSING,
                    "Save a draft before publishing."));
        }
        // usernames resolve again at publish: a user renamed or removed since the draft was saved is a problem now
        return FlowDrafts.users(environment, draft).chain(users -> FlowDrafts.form(session, appId, draft.formKey()).map(form -> {
            DraftChecks.Checked checked = DraftChecks.check(draft, flow.flowKey, form, roles, users);
            if (checked.ready().isEmpty() || checked.problems().stream().anyMatch(Problem::isError)) {
                throw new ProblemException(DesignProblem.DEFINITION_INVALID, "The draft has problems; nothing was published.",
                        checked.problems().stream().map(FlowPublisher::error).toList());
            }
            DraftChecks.Ready ready = checked.ready().get();
            FlowPlan plan = ready.plan().get();
            // written before deploying, so that a plan that cannot be stored is never deployed
            String planJson = FlowPlanJson.write(plan).toString();
            int number = flow.currentVersion == null ? 1 : flow.currentVersion + 1;
            return new Prepared(flow, ready, plan, planJson, number);
        }));
    }

    private static Uni<Deployment> deploy(FlowEnvironment environment, FlowPlan plan) {
        return SameContext.keep(() -> environment.deploy(plan))
                .onItem().ifNull().failWith(() -> new IllegalStateException("The engine returned no deployment"))
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(failure -> {
                    String incident = UUID.randomUUID().toString();
                    LOG.errorf(failure, "Deploying flow %s failed, incident %s", plan.key(), incident);
                    return new ProblemException(DesignProblem.FLOW_DEPLOY_FAILED,
                            "Nothing was published. Incident " + incident + " was logged.");
                });
    }

    private static Uni<Published> store(Mutiny.Session session, Prepared prepared, Deployment deployment, UUID by) {
        FlowEntity flow = prepared.flow();
        FlowVersionEntity version = new FlowVersionEntity();
        version.id = Ids.newId();
        version.flowId = flow.id;
        version.number = prepared.number();
        version.formKey = prepared.checked().form();
        version.trigger = FlowDraft.triggerJson(prepared.checked().trigger()).toString();
        version.definition = flow.draft;
        version.bpmn = prepared.plan().bpmn();
        version.plan = prepared.planJson();
        version.deploymentId = deployment.deploymentId();
        version.processDefinitionId = deployment.processDefinitionId();
        version.publishedAt = Instant.now();
        version.publishedBy = by;
        flow.currentVersion = prepared.number();
        return session.persist(version).call(session::flush)
                .replaceWith(new Published(prepared.number(), deployment.processDefinitionId(), version.bpmn, false));
    }

    private Uni<Void> tell(Mutiny.Session session, PublishListener.FlowPublished event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PublishListener listener : listeners) {
            chain = chain.chain(() -> listener.flowPublished(session, event));
        }
        return chain;
    }

    private static ProblemError error(Problem problem) {
        return new ProblemError(problem.pointer(), problem.code(), problem.severity().json(), problem.message(), null);
    }
}
