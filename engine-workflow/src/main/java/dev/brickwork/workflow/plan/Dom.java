package dev.brickwork.workflow.plan;

import dev.brickwork.forms.JsonPointers;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/** Small reads of a BPMN DOM: BPMN children, engine attributes (Operaton's or Camunda's namespace), pointers. */
final class Dom {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String OPERATON = "http://operaton.org/schema/1.0/bpmn";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private Dom() {
    }

    /** The child elements in the BPMN namespace with this local name. */
    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && BPMN.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every element below {@code root} in document order. */
    static List<Element> descendants(Element root) {
        List<Element> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Element parent, List<Element> found) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                found.add(e);
                collect(e, found);
            }
        }
    }

    static boolean isBpmn(Element element, String localName) {
        return BPMN.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    static boolean isEngine(Element element) {
        return OPERATON.equals(element.getNamespaceURI()) || CAMUNDA.equals(element.getNamespaceURI());
    }

    /** An engine attribute in either namespace, or null. */
    static String engineAttribute(Element element, String name) {
        if (element.hasAttributeNS(OPERATON, name)) {
            return element.getAttributeNS(OPERATON, name);
        }
        return element.hasAttributeNS(CAMUNDA, name) ? element.getAttributeNS(CAMUNDA, name) : null;
    }

    /** A plain (unqualified) attribute, or null when absent. */
    static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }

    static String pointer(String id) {
        return JsonPointers.append("/bpmn", id);
    }
}
