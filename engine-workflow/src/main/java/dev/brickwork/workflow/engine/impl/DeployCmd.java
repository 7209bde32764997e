package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.Deployment;
import dev.brickwork.workflow.engine.FlowEngineException;
import dev.brickwork.workflow.engine.FlowEngineException.Code;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.repository.DeploymentWithDefinitions;
import org.operaton.bpm.engine.repository.ProcessDefinition;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Deploys a flow's BPMN as {@code <flowKey>.bpmn}, a new version each time. The file must hold exactly the flow's
 * process; anything else is rolled back. The engine's parse messages quote the file, so the caller gets a message of
 * ours and the engine's exception only as the cause.
 */
record DeployCmd(String flowKey, String xml) implements Command<Deployment> {

    private static final Pattern FLOW_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,80}");

    DeployCmd {
        if (flowKey == null || !FLOW_KEY.matcher(flowKey).matches() || xml == null) {
            throw new IllegalArgumentException("A flow key is a letter or _ then up to 80 letters, digits, _ or -");
        }
    }

    @Override
    public Deployment execute(CommandContext context) {
        DeploymentWithDefinitions deployed;
        try {
            deployed = context.getProcessEngineConfiguration().getRepositoryService().createDeployment()
                    .name(flowKey).addString(flowKey + ".bpmn", xml).deployWithResult();
        } catch (ProcessEngineException e) {
            throw new FlowEngineException(Code.BPMN_INVALID, "The engine refused the BPMN of this flow", e);
        }
        List<ProcessDefinition> definitions = deployed.getDeployedProcessDefinitions();
        if (definitions == null || definitions.size() != 1 || !flowKey.equals(definitions.get(0).getKey())) {
            throw new FlowEngineException(Code.BPMN_INVALID,
                    "The BPMN must hold exactly one executable process whose id is the flow's key", null);
        }
        ProcessDefinition definition = definitions.get(0);
        return new Deployment(deployed.getId(), definition.getId(), definition.getVersion());
    }
}
