package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.bpmn.RuntimeContract;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;

import java.util.List;

/**
 * Configured in code, so no BPMN has to (or can) name a listener: every user task gets the {@code create} listener;
 * the tasks that could run code of the file's choosing are refused at deployment even when a BPMN reaches the engine
 * without the linter (script tasks, business rule and send tasks, service tasks that are not one of our delegates).
 */
final class BrickworkParseListener implements BpmnParseListener {

    /** The ways a service task could run something else than its delegate expression. */
    private static final List<String> OTHER_IMPLEMENTATIONS = List.of("class", "expression", "type", "topic");

    private final TaskListener taskCreated;

    BrickworkParseListener(TaskListener taskCreated) {
        this.taskCreated = taskCreated;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                .addTaskListener(TaskListener.EVENTNAME_CREATE, taskCreated);
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String delegate = element.attributeNS(BpmnParse.OPERATON_BPMN_EXTENSIONS_NS, "delegateExpression");
        boolean other = OTHER_IMPLEMENTATIONS.stream()
                .anyMatch(name -> element.attributeNS(BpmnParse.OPERATON_BPMN_EXTENSIONS_NS, name) != null);
        if (other || delegate == null || !RuntimeContract.DELEGATES.contains(delegate)) {
            throw refused("service task", element);
        }
    }

    @Override
    public void parseScriptTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        throw refused("script task", element);
    }

    @Override
    public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        throw refused("business rule task", element);
    }

    @Override
    public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        throw refused("send task", element);
    }

    private static ProcessEngineException refused(String what, Element element) {
        return new ProcessEngineException("A " + what + " that does not call one of Brickwork's delegates is not"
                + " deployed (element " + element.attribute("id") + ")");
    }
}
