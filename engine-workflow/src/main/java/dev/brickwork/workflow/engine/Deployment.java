package dev.brickwork.workflow.engine;

/**
 * A flow deployed to the engine.
 *
 * @param engineVersion the engine's version number of the process definition (1, 2, … per flow key)
 */
public record Deployment(String deploymentId, String processDefinitionId, int engineVersion) {
}
