package dev.brickwork.workflow.lint;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What Camunda Modeler and bpmn.io write that means something only to a tasklist or to a job executor Brickwork does
 * not run: forms ({@code formKey}, {@code formData}), asynchronous continuations, priorities, starters. An upload
 * keeps them (a warning each); the deployed copy has them removed, so the engine never sees them.
 */
public final class IgnoredExtensions {

    /** The Camunda Modeler namespace ({@code modeler:executionPlatform}): what tool wrote the file, nothing else. */
    public static final String MODELER = "http://camunda.org/schema/modeler/1.0";

    static final Set<String> ATTRIBUTES = Set.of("formKey", "formRef", "formRefBinding", "formRefVersion",
            "asyncBefore", "asyncAfter", "exclusive", "jobPriority", "taskPriority", "candidateStarterGroups",
            "candidateStarterUsers", "isStartableInTasklist", "initiator", "followUpDate");
    static final Set<String> ELEMENTS = Set.of("formData", "failedJobRetryTimeCycle");

    private IgnoredExtensions() {
    }

    static boolean attribute(String localName) {
        return ATTRIBUTES.contains(localName);
    }

    /** Removes every ignored engine attribute and element below (and on) {@code root}. */
    public static void strip(Element root) {
        List<Node> doomed = new ArrayList<>();
        collect(root, doomed);
        for (Node node : doomed) {
            if (node instanceof Attr attr) {
                attr.getOwnerElement().removeAttributeNode(attr);
            } else {
                node.getParentNode().removeChild(node);
            }
        }
    }

    private static void collect(Element element, List<Node> doomed) {
        if (ElementRules.ENGINE.contains(String.valueOf(element.getNamespaceURI()))
                && ELEMENTS.contains(element.getLocalName())) {
            doomed.add(element);
            return;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = String.valueOf(attribute.getNamespaceURI());
            if (ElementRules.ENGINE.contains(ns) && attribute(attribute.getLocalName()) || MODELER.equals(ns)) {
                doomed.add(attribute);
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, doomed);
            }
        }
    }
}
