package dev.brickwork.workflow.lint;

import dev.brickwork.forms.Problem;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Accepts an uploaded BPMN only when it uses the elements and expressions a compiled flow uses: user tasks,
 * gateways, timers, our own service tasks ({@code RuntimeContract.DELEGATES}), multi-instance, and conditions that
 * call {@code brickwork.condition}. Script tasks, Java classes, bean and method expressions, imports and external
 * resources are refused, every refusal located at the element's id. The XML is parsed with DOCTYPEs refused (no
 * entity expansion, no external entities) and only after the size check. A pure function: never throws.
 */
public final class BpmnLinter {

    /** The largest file accepted: a flow of hundreds of nodes with its diagram stays far below. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private BpmnLinter() {
    }

    /**
     * Every problem of an uploaded file: standard constructs the upload mapping turns into the runtime's shape pass
     * (conditions in the expression language, {@code ${variable}} assignees and collections), tasklist-only
     * extensions are warnings ({@code BPMN_IGNORED}).
     */
    public static List<Problem> lint(byte[] bpmn) {
        return lint(bpmn, true);
    }

    /** Every problem of a file to deploy, which may hold only the expressions of {@code RuntimeContract}. */
    public static List<Problem> lintDeployable(byte[] bpmn) {
        return lint(bpmn, false);
    }

    private static List<Problem> lint(byte[] bpmn, boolean upload) {
        if (bpmn == null || bpmn.length == 0) {
            return List.of(Problem.error("/bpmn", LintCodes.BPMN_MALFORMED, "The file is empty"));
        }
        if (bpmn.length > MAX_BYTES) {
            return List.of(Problem.error("/bpmn", LintCodes.BPMN_TOO_LARGE,
                    "A BPMN file may have at most " + MAX_BYTES / (1024 * 1024) + " MB"));
        }
        if (new String(bpmn, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            return List.of(Problem.error("/bpmn", LintCodes.BPMN_XXE, "A DOCTYPE is not allowed in a BPMN file"));
        }
        Document document;
        try {
            document = SafeXml.parse(bpmn);
        } catch (SAXException e) {
            // the parser refuses a DOCTYPE in any encoding the byte scan above could miss
            boolean doctype = String.valueOf(e.getMessage()).contains("DOCTYPE");
            return List.of(Problem.error("/bpmn", doctype ? LintCodes.BPMN_XXE : LintCodes.BPMN_MALFORMED,
                    doctype ? "A DOCTYPE is not allowed in a BPMN file" : "The file is not well-formed XML"));
        } catch (IOException | RuntimeException e) {
            return List.of(Problem.error("/bpmn", LintCodes.BPMN_MALFORMED, "The file is not well-formed XML"));
        }
        List<Problem> problems = new ArrayList<>();
        new ElementRules(problems, upload).check(document.getDocumentElement());
        if (problems.stream().noneMatch(Problem::isError)) {
            modelProblem(bpmn).ifPresent(problems::add);
        }
        return problems;
    }

    // Only reached for a file that passed every rule, so the model parser never sees a DOCTYPE or a foreign element.
    private static java.util.Optional<Problem> modelProblem(byte[] bpmn) {
        try {
            Bpmn.validateModel(Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn)));
            return java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.of(Problem.error("/bpmn", LintCodes.BPMN_INVALID,
                    "The file is not a valid BPMN 2.0 process"));
        }
    }
}
