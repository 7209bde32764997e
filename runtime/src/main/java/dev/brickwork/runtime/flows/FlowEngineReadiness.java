package dev.brickwork.runtime.flows;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Locale;

/**
 * Not ready until the BPMN engine runs: it starts in the background for seconds, and until then every approval
 * call waits (up to {@code brickwork.flows.engine-start-timeout}). A load balancer should send no traffic yet.
 */
@Readiness
@ApplicationScoped
public class FlowEngineReadiness implements HealthCheck {

    static final String NAME = "BPMN engine";

    @Inject
    FlowEngines engines;

    @Override
    public HealthCheckResponse call() {
        FlowEngines.State state = engines.state();
        return HealthCheckResponse.named(NAME).status(state == FlowEngines.State.RUNNING)
                .withData("state", state.name().toLowerCase(Locale.ROOT)).build();
    }
}
