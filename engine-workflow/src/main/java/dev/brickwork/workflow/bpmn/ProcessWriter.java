package dev.brickwork.workflow.bpmn;

import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.impl.BpmnModelConstants;
import org.operaton.bpm.model.bpmn.instance.Activity;
import org.operaton.bpm.model.bpmn.instance.BoundaryEvent;
import org.operaton.bpm.model.bpmn.instance.ConditionExpression;
import org.operaton.bpm.model.bpmn.instance.Definitions;
import org.operaton.bpm.model.bpmn.instance.ExclusiveGateway;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.model.bpmn.instance.SequenceFlow;
import org.operaton.bpm.model.bpmn.instance.TimeDuration;
import org.operaton.bpm.model.bpmn.instance.TimerEventDefinition;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.operaton.bpm.model.bpmn.instance.dc.Bounds;
import org.operaton.bpm.model.bpmn.instance.di.Waypoint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes one process through the model API, with a shape per element on a grid of cells (left to right, one row per
 * branch) and an edge per sequence flow with right-angled waypoints.
 */
final class ProcessWriter {

    private static final int CELL_WIDTH = 170;
    private static final int CELL_HEIGHT = 130;
    private static final int MARGIN = 80;

    private final BpmnModelInstance model = Bpmn.createEmptyModel();
    private final Process process;
    private final BpmnPlane plane;
    private final Map<String, Bounds> bounds = new HashMap<>();
    /** exclusive gateways whose next outgoing flow is their default flow */
    private final Set<String> defaultPending = new HashSet<>();
    private int flows;

    ProcessWriter(String processId) {
        Definitions definitions = model.newInstance(Definitions.class);
        definitions.setTargetNamespace("https://brickwork.dev/flows");
        definitions.getDomElement().registerNamespace("operaton", BpmnModelConstants.OPERATON_NS);
        model.setDefinitions(definitions);
        process = model.newInstance(Process.class);
        process.setId(processId);
        process.setName(processId);
        process.setExecutable(true);
        // the engine refuses processes without a history time to live by default
        process.setOperatonHistoryTimeToLiveString("P180D");
        definitions.addChildElement(process);
        BpmnDiagram diagram = model.newInstance(BpmnDiagram.class);
        diagram.setId("_diagram");
        plane = model.newInstance(BpmnPlane.class);
        plane.setId("_plane");
        plane.setBpmnElement(process);
        diagram.setBpmnPlane(plane);
        definitions.addChildElement(diagram);
    }

    BpmnModelInstance model() {
        return model;
    }

    <T extends FlowNode> T add(Class<T> type, String id, String name, int column, int row) {
        T element = model.newInstance(type);
        element.setId(id);
        if (name != null) {
            element.setName(name);
        }
        process.addChildElement(element);
        int[] size = size(element);
        shape(element, MARGIN + column * CELL_WIDTH - size[0] / 2, MARGIN + row * CELL_HEIGHT - size[1] / 2, size);
        return element;
    }

    /** A timer on the bottom edge of {@code activity}; interrupting when {@code cancel}. */
    BoundaryEvent timer(Activity activity, String id, String duration, boolean cancel) {
        BoundaryEvent event = model.newInstance(BoundaryEvent.class);
        event.setId(id);
        event.setAttachedTo(activity);
        event.setCancelActivity(cancel);
        TimerEventDefinition timer = model.newInstance(TimerEventDefinition.class);
        timer.setId(id + "_definition");
        TimeDuration time = model.newInstance(TimeDuration.class);
        time.setTextContent(duration);
        timer.setTimeDuration(time);
        event.getEventDefinitions().add(timer);
        process.addChildElement(event);
        Bounds task = bounds.get(activity.getId());
        shape(event, (int) (task.getX() + task.getWidth() - 50), (int) (task.getY() + task.getHeight() - 18),
                new int[] {36, 36});
        return event;
    }

    /**
     * {@code operaton:property} elements named {@code brickwork.*}: what the flow says beyond the BPMN (approvers,
     * conditions, values), so that the file uploaded back gives the same plan. The engine never reads them.
     */
    void properties(org.operaton.bpm.model.bpmn.instance.BaseElement element, Map<String, String> properties) {
        if (properties.isEmpty()) {
            return;
        }
        org.operaton.bpm.model.bpmn.instance.ExtensionElements extensions =
                model.newInstance(org.operaton.bpm.model.bpmn.instance.ExtensionElements.class);
        org.operaton.bpm.model.bpmn.instance.operaton.OperatonProperties list =
                model.newInstance(org.operaton.bpm.model.bpmn.instance.operaton.OperatonProperties.class);
        properties.forEach((name, value) -> {
            org.operaton.bpm.model.bpmn.instance.operaton.OperatonProperty property =
                    model.newInstance(org.operaton.bpm.model.bpmn.instance.operaton.OperatonProperty.class);
            property.setOperatonName(name);
            property.setOperatonValue(value);
            list.getOperatonProperties().add(property);
        });
        extensions.addChildElement(list);
        element.setExtensionElements(extensions);
    }

    /** Marks the next flow leaving {@code gateway} as its default flow. */
    void defaultNext(String gateway) {
        defaultPending.add(gateway);
    }

    SequenceFlow flow(String sourceId, String targetId, String condition) {
        FlowNode source = model.getModelElementById(sourceId);
        FlowNode target = model.getModelElementById(targetId);
        SequenceFlow flow = model.newInstance(SequenceFlow.class);
        flow.setId("_flow" + (++flows));
        process.addChildElement(flow);
        flow.setSource(source);
        flow.setTarget(target);
        source.getOutgoing().add(flow);
        target.getIncoming().add(flow);
        if (condition != null) {
            ConditionExpression expression = model.newInstance(ConditionExpression.class);
            expression.setTextContent(condition);
            flow.setConditionExpression(expression);
        } else if (defaultPending.remove(sourceId) && source instanceof ExclusiveGateway gateway) {
            gateway.setDefault(flow);
        }
        edge(flow, bounds.get(sourceId), bounds.get(targetId), source instanceof org.operaton.bpm.model.bpmn.instance.Gateway
                || source instanceof BoundaryEvent);
        return flow;
    }

    private void shape(FlowNode element, int x, int y, int[] size) {
        BpmnShape shape = model.newInstance(BpmnShape.class);
        shape.setId(element.getId() + "_di");
        shape.setBpmnElement(element);
        Bounds box = model.newInstance(Bounds.class);
        box.setX(x);
        box.setY(y);
        box.setWidth(size[0]);
        box.setHeight(size[1]);
        shape.setBounds(box);
        plane.addChildElement(shape);
        bounds.put(element.getId(), box);
    }

    // A flow leaves a gateway or a boundary event vertically first (it fans out), anything else horizontally first.
    private void edge(SequenceFlow flow, Bounds from, Bounds to, boolean verticalFirst) {
        BpmnEdge edge = model.newInstance(BpmnEdge.class);
        edge.setId(flow.getId() + "_di");
        edge.setBpmnElement(flow);
        double fromX = from.getX() + from.getWidth() / 2;
        double fromY = from.getY() + from.getHeight() / 2;
        double toX = to.getX() + to.getWidth() / 2;
        double toY = to.getY() + to.getHeight() / 2;
        if (Math.abs(fromY - toY) < 1) {
            point(edge, from.getX() + from.getWidth(), fromY);
            point(edge, to.getX(), toY);
        } else if (verticalFirst) {
            point(edge, fromX, fromY < toY ? from.getY() + from.getHeight() : from.getY());
            point(edge, fromX, toY);
            point(edge, to.getX(), toY);
        } else {
            point(edge, from.getX() + from.getWidth(), fromY);
            point(edge, toX, fromY);
            point(edge, toX, fromY < toY ? to.getY() : to.getY() + to.getHeight());
        }
        plane.addChildElement(edge);
    }

    private void point(BpmnEdge edge, double x, double y) {
        Waypoint waypoint = model.newInstance(Waypoint.class);
        waypoint.setX(x);
        waypoint.setY(y);
        edge.getWaypoints().add(waypoint);
    }

    private static int[] size(FlowNode element) {
        if (element instanceof org.operaton.bpm.model.bpmn.instance.Gateway) {
            return new int[] {50, 50};
        }
        if (element instanceof org.operaton.bpm.model.bpmn.instance.Event) {
            return new int[] {36, 36};
        }
        return new int[] {100, 80};
    }
}
