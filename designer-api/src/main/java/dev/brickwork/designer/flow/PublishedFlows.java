package dev.brickwork.designer.flow;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** STUB until the flows design API lands: the published flows the runtime runs. */
@ApplicationScoped
public class PublishedFlows {

    public Uni<List<PublishedFlow>> forForm(String app, String form) {
        return Uni.createFrom().item(List.of());
    }

    public Uni<Optional<PublishedFlow>> byProcessDefinition(String processDefinitionId) {
        return Uni.createFrom().item(Optional.empty());
    }
}
