package dev.brickwork.workflow.plan;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shapes and edges for what the upload mapping adds (outcome gateways, finish and timeout tasks), so that the
 * deployed file opens in a modeller with every element drawn: the new nodes in a band below the drawing, each under
 * the element it belongs to, each new flow a straight edge between its ends. A file without a diagram for the process gets none.
 */
final class ProcessDiagram {

    static final String DI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    private static final String DD_DI = "http://www.omg.org/spec/DD/20100524/DI";

    private record Placement(String anchor, int dx) {
    }

    private final Map<String, Placement> placements = new LinkedHashMap<>();

    /** Draws node {@code id} below the drawing, {@code dx} right of {@code anchor}'s left edge (or further, if taken). */
    void place(String id, String anchor, int dx) {
        placements.put(id, new Placement(anchor, dx));
    }

    /** The element as uploaded that an added node belongs to (the anchor of its anchor ...); null when not added. */
    String origin(String id) {
        String origin = null;
        for (Placement p = placements.get(id); p != null; p = placements.get(p.anchor())) {
            origin = p.anchor();
        }
        return origin;
    }

    java.util.Set<String> placed() {
        return placements.keySet();
    }

    void draw(Element process, List<Element> flows) {
        Element plane = plane(process);
        if (plane == null) {
            return;
        }
        Map<String, double[]> bounds = bounds(plane);
        // a band below the drawing, so that nothing added covers what the modeller drew
        double band = bounds.values().stream().mapToDouble(b -> b[1] + b[3]).max().orElse(0) + 60;
        List<double[]> added = new java.util.ArrayList<>();
        placements.forEach((id, placement) -> {
            double[] anchor = bounds.get(placement.anchor());
            if (anchor != null && !bounds.containsKey(id)) {
                double[] size = size(id, process);
                double[] box = {Math.max(0, anchor[0] + placement.dx()), band + (80 - size[1]) / 2, size[0], size[1]};
                while (added.stream().anyMatch(other -> box[0] < other[0] + other[2] + 20 && other[0] < box[0] + box[2] + 20)) {
                    box[0] += 130;
                }
                shape(plane, id, box);
                bounds.put(id, box);
                added.add(box);
            }
        });
        Map<String, Boolean> drawn = new HashMap<>();
        for (Element edge : Dom.descendants(plane)) {
            if (DI.equals(edge.getNamespaceURI()) && "BPMNEdge".equals(edge.getLocalName())) {
                drawn.put(edge.getAttribute("bpmnElement"), true);
            }
        }
        for (Element flow : flows) {
            double[] from = bounds.get(flow.getAttribute("sourceRef"));
            double[] to = bounds.get(flow.getAttribute("targetRef"));
            if (!drawn.containsKey(flow.getAttribute("id")) && from != null && to != null) {
                edge(plane, flow.getAttribute("id"), from, to);
            }
        }
    }

    private static Element plane(Element process) {
        for (Element e : Dom.descendants(process.getOwnerDocument().getDocumentElement())) {
            if (DI.equals(e.getNamespaceURI()) && "BPMNPlane".equals(e.getLocalName())
                    && process.getAttribute("id").equals(e.getAttribute("bpmnElement"))) {
                return e;
            }
        }
        return null;
    }

    private static Map<String, double[]> bounds(Element plane) {
        Map<String, double[]> bounds = new HashMap<>();
        for (Element shape : Dom.descendants(plane)) {
            if (DI.equals(shape.getNamespaceURI()) && "BPMNShape".equals(shape.getLocalName())) {
                for (Element box : Dom.descendants(shape)) {
                    if (DC.equals(box.getNamespaceURI()) && "Bounds".equals(box.getLocalName())) {
                        bounds.put(shape.getAttribute("bpmnElement"), new double[] {number(box, "x"), number(box, "y"),
                                number(box, "width"), number(box, "height")});
                    }
                }
            }
        }
        return bounds;
    }

    private static double number(Element box, String name) {
        try {
            return Double.parseDouble(box.getAttribute(name));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double[] size(String id, Element process) {
        for (Element e : Dom.children(process, "exclusiveGateway")) {
            if (id.equals(e.getAttribute("id"))) {
                return new double[] {50, 50};
            }
        }
        for (Element e : Dom.children(process, "endEvent")) {
            if (id.equals(e.getAttribute("id"))) {
                return new double[] {36, 36};
            }
        }
        return new double[] {100, 80};
    }

    private static void shape(Element plane, String id, double[] box) {
        Document document = plane.getOwnerDocument();
        Element shape = document.createElementNS(DI, qualified(plane, "BPMNShape"));
        shape.setAttribute("id", id + "_di");
        shape.setAttribute("bpmnElement", id);
        Element bounds = document.createElementNS(DC, prefix(document, DC, "dc") + ":Bounds");
        bounds.setAttribute("x", format(box[0]));
        bounds.setAttribute("y", format(box[1]));
        bounds.setAttribute("width", format(box[2]));
        bounds.setAttribute("height", format(box[3]));
        shape.appendChild(bounds);
        plane.appendChild(shape);
    }

    private static void edge(Element plane, String id, double[] from, double[] to) {
        Document document = plane.getOwnerDocument();
        Element edge = document.createElementNS(DI, qualified(plane, "BPMNEdge"));
        edge.setAttribute("id", id + "_di");
        edge.setAttribute("bpmnElement", id);
        for (double[] point : List.of(new double[] {from[0] + from[2] / 2, from[1] + from[3] / 2},
                new double[] {to[0] + to[2] / 2, to[1] + to[3] / 2})) {
            Element waypoint = document.createElementNS(DD_DI, prefix(document, DD_DI, "di") + ":waypoint");
            waypoint.setAttribute("x", format(point[0]));
            waypoint.setAttribute("y", format(point[1]));
            edge.appendChild(waypoint);
        }
        plane.appendChild(edge);
    }

    /** The prefix the document binds {@code namespace} to, declared on the root as {@code preferred} when none. */
    private static String prefix(Document document, String namespace, String preferred) {
        Element root = document.getDocumentElement();
        String bound = root.lookupPrefix(namespace);
        if (bound != null) {
            return bound;
        }
        String prefix = preferred;
        for (int n = 2; root.lookupNamespaceURI(prefix) != null; n++) {
            prefix = preferred + n;
        }
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + prefix, namespace);
        return prefix;
    }

    private static String qualified(Element plane, String localName) {
        return plane.getPrefix() == null || plane.getPrefix().isEmpty() ? localName : plane.getPrefix() + ":" + localName;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
