package dev.brickwork.workflow.lint;

import dev.brickwork.forms.Problem;
import dev.brickwork.workflow.bpmn.RuntimeContract;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The allowlist of elements, attributes and expressions, checked on every element of the document. An upload may hold
 * standard BPMN that the upload mapping turns into the runtime's shape: conditions in the expression language, an
 * assignee or collection naming a variable ({@code ${initiator}}), tasklist-only extensions (warnings). What is
 * deployed may hold only the expressions of {@code RuntimeContract}.
 */
final class ElementRules {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");
    /** Operaton reads both its own namespace and Camunda's; both get the same rules. */
    static final Set<String> ENGINE = Set.of("http://operaton.org/schema/1.0/bpmn",
            "http://camunda.org/schema/1.0/bpmn");
    private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
    private static final String CAMUNDA_8 = "Camunda 8 (Zeebe) extensions are not read: draw the process for"
            + " Camunda 7 (camunda:assignee, camunda:candidateGroups) or without an engine";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private static final Set<String> ELEMENTS = Set.of("definitions", "process", "startEvent", "endEvent", "userTask",
            "serviceTask", "exclusiveGateway", "parallelGateway", "sequenceFlow", "boundaryEvent",
            "timerEventDefinition", "timeDuration", "timeDate", "timeCycle", "multiInstanceLoopCharacteristics",
            "completionCondition", "conditionExpression", "documentation", "extensionElements", "incoming",
            "outgoing", "laneSet", "lane", "flowNodeRef", "collaboration", "participant", "textAnnotation", "text",
            "association", "task", "manualTask");
    /** {@code ${name}}: a variable, which the upload mapping resolves to a field or refuses; never a call. */
    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile(
            "^\\$\\{\\s*[A-Za-z_][A-Za-z0-9_]{0,80}\\s*}$");
    private static final Set<String> ENGINE_ELEMENTS = Set.of("properties", "property");
    private static final Set<String> ASSIGNMENT = Set.of("humanPerformer", "potentialOwner",
            "resourceAssignmentExpression", "formalExpression");
    /** Engine attributes that hold no code; their values are checked below where they could. */
    private static final Set<String> ENGINE_ATTRIBUTES = Set.of("assignee", "collection", "elementVariable",
            "delegateExpression", "historyTimeToLive", "versionTag", "name", "value", "candidateUsers",
            "candidateGroups", "priority", "dueDate");
    private static final Map<String, String> REFUSED_ATTRIBUTES = Map.of(
            "class", LintCodes.BPMN_JAVA_CLASS,
            "expression", LintCodes.BPMN_EXPRESSION,
            "resultVariable", LintCodes.BPMN_EXPRESSION,
            "resource", LintCodes.BPMN_EXTERNAL_RESOURCE,
            "formKey", LintCodes.BPMN_EXTERNAL_RESOURCE,
            "type", LintCodes.BPMN_SERVICE_TASK_UNSUPPORTED,
            "topic", LintCodes.BPMN_SERVICE_TASK_UNSUPPORTED);

    private final List<Problem> problems;
    private final boolean upload;

    /** @param upload the rules for an uploaded file; false for what is deployed */
    ElementRules(List<Problem> problems, boolean upload) {
        this.problems = problems;
        this.upload = upload;
    }

    void check(Element element) {
        String ns = String.valueOf(element.getNamespaceURI());
        String name = element.getLocalName();
        if (DIAGRAM.contains(ns)) {
            return;
        }
        if (!allowed(element, ns, name)) {
            return;
        }
        attributes(element);
        if (BPMN.equals(ns)) {
            content(element, name);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                check(e);
            }
        }
    }

    private boolean allowed(Element element, String ns, String name) {
        boolean bpmn = BPMN.equals(ns);
        if (bpmn && ELEMENTS.contains(name) || ENGINE.contains(ns) && ENGINE_ELEMENTS.contains(name)) {
            return true;
        }
        if (upload && bpmn && ASSIGNMENT.contains(name)) {
            // BPMN's own way to say who does a task (user(x), group(y)); the upload mapping reads it
            return true;
        }
        if (upload && bpmn && "loopCardinality".equals(name)) {
            // the upload mapping refuses it with what to write instead; it is never deployed
            return true;
        }
        if (upload && ENGINE.contains(ns) && IgnoredExtensions.ELEMENTS.contains(name)) {
            ignore(element, name);
            return false;
        }
        if ("scriptTask".equals(name) || "script".equals(name)) {
            refuse(element, LintCodes.BPMN_SCRIPT_TASK, "Script tasks and scripts are not allowed");
        } else if (bpmn && "import".equals(name)) {
            refuse(element, LintCodes.BPMN_EXTERNAL_RESOURCE, "Imports are not allowed");
        } else if (ENGINE.contains(ns)) {
            refuse(element, LintCodes.BPMN_ELEMENT_FORBIDDEN,
                    "Engine extension '" + name + "' is not allowed (listeners, connectors, input/output)");
        } else if (ZEEBE.equals(ns)) {
            refuse(element, LintCodes.BPMN_ELEMENT_FORBIDDEN, CAMUNDA_8);
        } else {
            refuse(element, LintCodes.BPMN_ELEMENT_FORBIDDEN, "Element '" + name + "' is not allowed");
        }
        return false;
    }

    private void attributes(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = attribute.getNamespaceURI();
            String name = attribute.getLocalName();
            String value = attribute.getValue();
            if (XMLNS.equals(ns) || XSI.equals(ns) || IgnoredExtensions.MODELER.equals(ns)) {
                continue;
            }
            if (ns != null && ENGINE.contains(ns)) {
                engineAttribute(element, name, value);
            } else if (ZEEBE.equals(ns)) {
                refuse(element, LintCodes.BPMN_ATTRIBUTE_FORBIDDEN, CAMUNDA_8);
            } else if (ns != null) {
                refuse(element, LintCodes.BPMN_ATTRIBUTE_FORBIDDEN, "Attribute '" + name + "' is not allowed");
            } else if ("language".equals(name) || "scriptFormat".equals(name)) {
                refuse(element, LintCodes.BPMN_SCRIPT_TASK, "Script languages are not allowed");
            } else if (isExpression(value)) {
                refuse(element, LintCodes.BPMN_EXPRESSION, "Attribute '" + name + "' may not hold an expression");
            }
        }
        if ("serviceTask".equals(element.getLocalName()) && !hasDelegate(element)) {
            refuse(element, LintCodes.BPMN_SERVICE_TASK_UNSUPPORTED,
                    "A service task must call one of Brickwork's delegates");
        }
    }

    private void engineAttribute(Element element, String name, String value) {
        if (upload && IgnoredExtensions.attribute(name)) {
            ignore(element, name);
        } else if (REFUSED_ATTRIBUTES.containsKey(name)) {
            refuse(element, REFUSED_ATTRIBUTES.get(name), "Attribute '" + name + "' is not allowed");
        } else if (!ENGINE_ATTRIBUTES.contains(name)) {
            refuse(element, LintCodes.BPMN_ATTRIBUTE_FORBIDDEN, "Attribute '" + name + "' is not allowed");
        } else if ("delegateExpression".equals(name)) {
            if (!RuntimeContract.DELEGATES.contains(value)) {
                refuse(element, LintCodes.BPMN_DELEGATE_UNKNOWN, "Only Brickwork's own delegates may be called");
            }
        } else if ("collection".equals(name)) {
            if (!isCall(value, "approvers") && !(upload && VARIABLE.matcher(value).matches())) {
                refuse(element, LintCodes.BPMN_EXPRESSION, "The collection must be brickwork.approvers(...)");
            }
        } else if ("assignee".equals(name)) {
            if (isExpression(value) && !RuntimeContract.ASSIGNEE.equals(value)
                    && !(upload && VARIABLE.matcher(value.strip()).matches())) {
                refuse(element, LintCodes.BPMN_EXPRESSION, upload
                        ? "The assignee is a username or ${<user field>}, never a call"
                        : "The assignee may only be " + RuntimeContract.ASSIGNEE);
            }
        } else if ("candidateUsers".equals(name) && upload) {
            for (String part : value.split(",")) {
                if (isExpression(part) && !VARIABLE.matcher(part.strip()).matches()) {
                    refuse(element, LintCodes.BPMN_EXPRESSION,
                            "candidateUsers holds usernames or ${<user field>}, never a call");
                }
            }
        } else if (isExpression(value)) {
            refuse(element, LintCodes.BPMN_EXPRESSION, "Attribute '" + name + "' may not hold an expression");
        }
    }

    private void content(Element element, String name) {
        String text = element.getTextContent().strip();
        switch (name) {
            case "conditionExpression" -> {
                if (upload && !text.contains("#{")) {
                    // the upload mapping reads it in the expression language, type-checked over the form
                    return;
                }
                if (!isCall(text, "condition") && !isCall(text, "rejected")) {
                    refuse(element, LintCodes.BPMN_EXPRESSION,
                            "A condition must be ${brickwork.condition(execution, '<id>')}");
                }
            }
            case "completionCondition" -> {
                if (!RuntimeContract.FIRST_DECISION.equals(text) && !isCall(text, "rejected")) {
                    refuse(element, LintCodes.BPMN_EXPRESSION,
                            "A completion condition must be brickwork.rejected(...) or the first decision");
                }
            }
            case "formalExpression" -> {
                if (isExpression(text)) {
                    refuse(element, LintCodes.BPMN_EXPRESSION, "Who does a task is written as user(name) or group(role)");
                }
            }
            case "timeDuration", "timeDate", "timeCycle" -> {
                if (isExpression(text)) {
                    refuse(element, LintCodes.BPMN_EXPRESSION, "A timer must be a literal ISO-8601 value");
                }
            }
            default -> {
                // other allowed elements hold no code
            }
        }
    }

    private static boolean hasDelegate(Element element) {
        return ENGINE.stream().anyMatch(ns -> element.hasAttributeNS(ns, "delegateExpression"));
    }

    private static boolean isCall(String text, String method) {
        Matcher matcher = RuntimeContract.CALL.matcher(text);
        return matcher.matches() && matcher.group(1).equals(method);
    }

    private static boolean isExpression(String value) {
        return value.contains("${") || value.contains("#{");
    }

    private void ignore(Element element, String name) {
        problems.add(Problem.warning(pointer(element), LintCodes.BPMN_IGNORED,
                "'" + name + "' means something only to a tasklist or job executor; Brickwork ignores it"));
    }

    private void refuse(Element element, String code, String message) {
        problems.add(Problem.error(pointer(element), code, message));
    }

    // The id of the element or of its nearest ancestor that has one: what a modeller can find.
    private static String pointer(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (!e.getAttribute("id").isEmpty()) {
                return dev.brickwork.forms.JsonPointers.append("/bpmn", e.getAttribute("id"));
            }
        }
        return "/bpmn";
    }
}
