package dev.brickwork.workflow.plan;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The nodes and sequence flows of one process DOM, for the upload mapping: look-ups by id, reachability, renaming ids
 * everywhere they are referenced (diagram included), and new elements and flows. Changes go to the DOM at once;
 * look-ups always read the DOM, so they see them.
 */
final class ProcessGraph {

    private static final Set<String> REFERENCES = Set.of("sourceRef", "targetRef", "attachedToRef", "default",
            "bpmnElement", "processRef");
    private static final String OPERATON_PREFIX = "operaton";

    private final Element process;
    private final Set<String> ids = new HashSet<>();
    private final ProcessDiagram diagram = new ProcessDiagram();

    ProcessGraph(Element process) {
        this.process = process;
        for (Element e : Dom.descendants(process.getOwnerDocument().getDocumentElement())) {
            if (e.hasAttribute("id")) {
                ids.add(e.getAttribute("id"));
            }
        }
        // incoming / outgoing are optional copies of sourceRef / targetRef; the mapping moves flows, so they go
        for (Element e : Dom.descendants(process)) {
            if (Dom.isBpmn(e, "incoming") || Dom.isBpmn(e, "outgoing")) {
                e.getParentNode().removeChild(e);
            }
        }
    }

    Element process() {
        return process;
    }

    List<Element> elements(String localName) {
        return Dom.children(process, localName);
    }

    Element node(String id) {
        for (Node child = process.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && Dom.BPMN.equals(e.getNamespaceURI()) && id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    List<Element> flows() {
        return elements("sequenceFlow");
    }

    List<Element> outgoing(String id) {
        return flows().stream().filter(f -> id.equals(f.getAttribute("sourceRef"))).toList();
    }

    List<Element> incoming(String id) {
        return flows().stream().filter(f -> id.equals(f.getAttribute("targetRef"))).toList();
    }

    List<Element> boundaryEvents(String attachedTo) {
        return elements("boundaryEvent").stream().filter(b -> attachedTo.equals(b.getAttribute("attachedToRef"))).toList();
    }

    static boolean interrupting(Element boundaryEvent) {
        return !"false".equals(boundaryEvent.getAttribute("cancelActivity"));
    }

    /**
     * The node ids reached from {@code from} along sequence flows {@code follow} accepts, boundary events included
     * with their activity when {@code boundary} accepts them; {@code stop} nodes are reached but not gone through.
     */
    Set<String> reach(List<String> from, Predicate<Element> follow, Predicate<Element> boundary, Predicate<Element> stop) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) {
                continue;
            }
            Element node = node(id);
            if (node != null && stop.test(node)) {
                continue;
            }
            for (Element flow : outgoing(id)) {
                if (follow.test(flow)) {
                    todo.push(flow.getAttribute("targetRef"));
                }
            }
            for (Element event : boundaryEvents(id)) {
                if (boundary.test(event)) {
                    todo.push(event.getAttribute("id"));
                }
            }
        }
        return seen;
    }

    boolean used(String id) {
        return ids.contains(id);
    }

    /** {@code wanted}, or {@code wanted.2}, {@code wanted.3} ... whichever is free first. */
    String freeId(String wanted) {
        String id = wanted;
        for (int n = 2; used(id); n++) {
            id = wanted + "." + n;
        }
        ids.add(id);
        return id;
    }

    /** Renames elements in the whole document, the diagram's references and the lanes' node references included. */
    void rename(Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        Document document = process.getOwnerDocument();
        for (Element e : Dom.descendants(document.getDocumentElement())) {
            String id = e.getAttribute("id");
            if (renames.containsKey(id)) {
                e.setAttribute("id", renames.get(id));
            }
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                if (REFERENCES.contains(name) && renames.containsKey(attribute.getValue())) {
                    attribute.setValue(renames.get(attribute.getValue()));
                }
            }
            if (Dom.isBpmn(e, "flowNodeRef") && renames.containsKey(Dom.text(e))) {
                e.setTextContent(renames.get(Dom.text(e)));
            }
        }
        ids.addAll(renames.values());
    }

    /** Where a node the mapping adds is drawn: below the drawing, under {@code anchor} (see {@link ProcessDiagram}). */
    void place(String id, String anchor, int dx) {
        diagram.place(id, anchor, dx);
    }

    /** Each node the mapping added to the element (as deployed) it belongs to, where its problems are shown. */
    Map<String, String> origins() {
        Map<String, String> origins = new java.util.HashMap<>();
        diagram.placed().forEach(id -> origins.put(id, diagram.origin(id)));
        return origins;
    }

    /** Draws what was placed, and every flow without an edge between drawn nodes. */
    void draw() {
        diagram.draw(process, flows());
    }

    /** A new BPMN element in the process, with this id (which must be free: see {@link #freeId}). */
    Element add(String localName, String id) {
        Element element = process.getOwnerDocument().createElementNS(Dom.BPMN, prefixed(localName));
        element.setAttribute("id", id);
        ids.add(id);
        process.appendChild(element);
        return element;
    }

    Element flow(String source, String target) {
        Element flow = add("sequenceFlow", freeId(source + ".to." + target));
        flow.setAttribute("sourceRef", source);
        flow.setAttribute("targetRef", target);
        return flow;
    }

    /** {@code ${brickwork...}} as the flow's condition, replacing any other. */
    void condition(Element flow, String expression) {
        Element old = Dom.child(flow, "conditionExpression");
        if (old != null) {
            flow.removeChild(old);
        }
        Element condition = process.getOwnerDocument().createElementNS(Dom.BPMN, prefixed("conditionExpression"));
        condition.setTextContent(expression);
        flow.appendChild(condition);
    }

    /** A service task calling one of Brickwork's delegates. */
    Element serviceTask(String id, String name, String delegate) {
        Element task = add("serviceTask", id);
        if (name != null) {
            task.setAttribute("name", name);
        }
        engineAttribute(task, "delegateExpression", delegate);
        return task;
    }

    void engineAttribute(Element element, String name, String value) {
        element.setAttributeNS(Dom.OPERATON, OPERATON_PREFIX + ":" + name, value);
    }

    /** Adds {@code operaton:property name="name" value="value"} to the element's extension elements. */
    void property(Element element, String name, String value) {
        Document document = process.getOwnerDocument();
        Element extensions = Dom.child(element, "extensionElements");
        if (extensions == null) {
            extensions = document.createElementNS(Dom.BPMN, prefixed("extensionElements"));
            Node after = element.getFirstChild();
            while (after != null && (!(after instanceof Element e) || Dom.isBpmn(e, "documentation"))) {
                after = after.getNextSibling();
            }
            element.insertBefore(extensions, after);
        }
        Element properties = null;
        for (Element e : Dom.descendants(extensions)) {
            if (Dom.isEngine(e) && "properties".equals(e.getLocalName())) {
                properties = e;
            }
        }
        if (properties == null) {
            properties = document.createElementNS(Dom.OPERATON, OPERATON_PREFIX + ":properties");
            extensions.appendChild(properties);
        }
        Element property = document.createElementNS(properties.getNamespaceURI(),
                properties.getPrefix() == null ? "property" : properties.getPrefix() + ":property");
        property.setAttribute("name", name);
        property.setAttribute("value", value);
        properties.appendChild(property);
    }

    /** The value of the element's engine property {@code name}, removed from it; null when it has none. */
    static String takeProperty(Element element, String name) {
        Element extensions = Dom.child(element, "extensionElements");
        if (extensions == null) {
            return null;
        }
        for (Element e : Dom.descendants(extensions)) {
            if (Dom.isEngine(e) && "property".equals(e.getLocalName()) && name.equals(e.getAttribute("name"))) {
                e.getParentNode().removeChild(e);
                return e.getAttribute("value");
            }
        }
        return null;
    }

    /** The qualified name a new BPMN element gets: the prefix the document uses for BPMN, if any. */
    private String prefixed(String localName) {
        String prefix = process.getPrefix();
        return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    static List<String> ids(List<Element> elements) {
        List<String> ids = new ArrayList<>();
        elements.forEach(e -> ids.add(e.getAttribute("id")));
        return ids;
    }
}
