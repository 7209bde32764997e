package dev.brickwork.designer.flow;

import dev.brickwork.workflow.engine.Deployment;
import dev.brickwork.workflow.plan.FlowPlan;
import io.smallrye.mutiny.Uni;

import java.util.Set;

/**
 * What publishing a flow needs from the application around designer-api: the roles that exist (approvers may name
 * them), the users an upload names by username, and the BPMN engine to deploy to. The runtime implements it;
 * designer-api's tests bring a stand-in.
 */
public interface FlowEnvironment {

    /** The keys of every role defined now. */
    Uni<Set<String>> roleKeys();

    /**
     * The ids of the users with these usernames (an uploaded BPMN names its assignees by username); a name no user
     * has is absent from the answer.
     */
    Uni<java.util.Map<String, String>> userIds(Set<String> usernames);

    /** Deploys the plan's BPMN under its flow key (off the event loop); fails when the engine refuses it. */
    Uni<Deployment> deploy(FlowPlan plan);
}
