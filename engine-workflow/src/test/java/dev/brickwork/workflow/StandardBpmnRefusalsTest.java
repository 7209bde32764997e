package dev.brickwork.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static dev.brickwork.workflow.StandardBpmnTest.modeler;
import static dev.brickwork.workflow.StandardBpmnTest.process;
import static dev.brickwork.workflow.StandardBpmnTest.read;

import dev.brickwork.forms.Problem;
import dev.brickwork.workflow.plan.UploadedFlows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the upload mapping refuses in standard BPMN, each problem located at its element (StandardBpmnTest: what it maps). */
class StandardBpmnRefusalsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown role            | <userTask id='Task_1' camunda:candidateGroups='ceo'/>                 | /bpmn/Task_1 | ROLE_UNKNOWN
            unknown username        | <userTask id='Task_1' camunda:assignee='nobody'/>                     | /bpmn/Task_1 | UPLOAD_USER_UNKNOWN
            unknown candidate user  | <userTask id='Task_1' camunda:candidateUsers='lujing,nobody'/>        | /bpmn/Task_1 | UPLOAD_USER_UNKNOWN
            initiator               | <userTask id='Task_1' camunda:assignee='${initiator}'/>               | /bpmn/Task_1 | UPLOAD_ASSIGNEE_UNMAPPED
            not a user field        | <userTask id='Task_1' camunda:assignee='${title}'/>                   | /bpmn/Task_1 | UPLOAD_ASSIGNEE_UNMAPPED
            nobody decides          | <userTask id='Task_1' name='Check'/>                                  | /bpmn/Task_1 | UPLOAD_APPROVERS_MISSING
            collection only         | <userTask id='Task_1' camunda:assignee='${a}'><multiInstanceLoopCharacteristics camunda:collection='${people}' camunda:elementVariable='a'/></userTask> | /bpmn/Task_1 | UPLOAD_APPROVERS_MISSING
            counted instances       | <userTask id='Task_1' camunda:candidateGroups='legal'><multiInstanceLoopCharacteristics><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics></userTask> | /bpmn/Task_1 | UPLOAD_LOOP_UNSUPPORTED
            assignee calling a bean | <userTask id='Task_1' camunda:assignee='${users.boss()}'/>            | /bpmn/Task_1 | BPMN_EXPRESSION
            script task             | <scriptTask id='Task_1' scriptFormat='groovy'><script>1</script></scriptTask> | /bpmn/Task_1 | BPMN_SCRIPT_TASK
            java class              | <serviceTask id='Task_1' camunda:class='com.example.Mail'/>           | /bpmn/Task_1 | BPMN_JAVA_CLASS
            delegate bean           | <serviceTask id='Task_1' camunda:delegateExpression='${mailer}'/>     | /bpmn/Task_1 | BPMN_DELEGATE_UNKNOWN
            external task           | <serviceTask id='Task_1' camunda:type='external' camunda:topic='mail'/> | /bpmn/Task_1 | BPMN_SERVICE_TASK_UNSUPPORTED
            send task               | <sendTask id='Task_1'/>                                               | /bpmn/Task_1 | BPMN_ELEMENT_FORBIDDEN
            task listener           | <userTask id='Task_1' camunda:candidateGroups='legal'><extensionElements><camunda:taskListener event='create' expression='${x.y()}'/></extensionElements></userTask> | /bpmn/Task_1 | BPMN_ELEMENT_FORBIDDEN
            """)
    void refusesWhatIsUnsafeOrCannotBeMappedAtTheElement(String name, String task, String pointer, String code) {
        // given
        String bpmn = process("<sequenceFlow id='f1' sourceRef='start' targetRef='Task_1'/>" + task
                + "<sequenceFlow id='f2' sourceRef='Task_1' targetRef='end'/><endEvent id='end'/>");

        // when
        UploadedFlows.Reading reading = read(bpmn);

        // then
        assertThat(reading.plan()).isEmpty();
        assertThat(reading.problems()).extracting(Problem::pointer, Problem::code).contains(tuple(pointer, code));
        assertThat(reading.problems()).extracting(Problem::message).noneMatch(m -> m.contains("ceo")
                || m.contains("nobody") || m.contains("initiator") || m.contains("${title}") || m.contains("people"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field          | ${price2 > 1}                       | EXPR_UNKNOWN_FIELD
            not true or false      | amount + 1                          | EXPR_TYPE_MISMATCH
            a bean call            | ${orderService.approve(execution)}  | EXPR_SYNTAX
            a method on our call   | ${brickwork.condition(execution, 'a').getClass()} | EXPR_SYNTAX
            """)
    void refusesAConditionThatIsNotAValidExpressionOverTheForm(String name, String condition, String code) {
        // given
        String bpmn = process("<sequenceFlow id='f1' sourceRef='start' targetRef='g'/><exclusiveGateway id='g' default='f3'/>"
                + "<sequenceFlow id='Flow_big' sourceRef='g' targetRef='end'><conditionExpression>"
                + condition.replace(">", "&gt;") + "</conditionExpression></sequenceFlow>"
                + "<sequenceFlow id='f3' sourceRef='g' targetRef='end'/><endEvent id='end'/>");

        // when
        UploadedFlows.Reading reading = read(bpmn);

        // then
        assertThat(reading.plan()).isEmpty();
        assertThat(reading.problems()).extracting(Problem::pointer).contains("/bpmn/Flow_big");
        assertThat(reading.problems()).filteredOn(p -> p.pointer().equals("/bpmn/Flow_big"))
                .extracting(Problem::code).allMatch(c -> c.startsWith("EXPR_"));
        assertThat(reading.problems()).extracting(Problem::message).noneMatch(m -> m.contains("price2")
                || m.contains("orderService"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a timer cycle            | <boundaryEvent id='t' attachedToRef='Task_1' cancelActivity='false'><timerEventDefinition><timeCycle>R3/PT1H</timeCycle></timerEventDefinition></boundaryEvent><sequenceFlow id='tf' sourceRef='t' targetRef='e2'/><endEvent id='e2'/> | /bpmn/t | UPLOAD_TIMER_UNMAPPED
            interrupting to a task   | <boundaryEvent id='t' attachedToRef='Task_1'><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent><sequenceFlow id='tf' sourceRef='t' targetRef='Task_2'/><userTask id='Task_2' camunda:candidateGroups='legal'/><sequenceFlow id='tf2' sourceRef='Task_2' targetRef='end'/> | /bpmn/t | UPLOAD_TIMER_UNMAPPED
            two ways out of a task   | <sequenceFlow id='f9' sourceRef='Task_1' targetRef='e2'/><endEvent id='e2'/> | /bpmn/Task_1 | UPLOAD_FLOW_UNMAPPED
            reminder shares the end  | <boundaryEvent id='t' attachedToRef='Task_1' cancelActivity='false'><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent><sequenceFlow id='tf' sourceRef='t' targetRef='end'/> | /bpmn/end | UPLOAD_END_AMBIGUOUS
            weeks                    | <boundaryEvent id='t' attachedToRef='Task_1' cancelActivity='false'><timerEventDefinition><timeDuration>P1W</timeDuration></timerEventDefinition></boundaryEvent><sequenceFlow id='tf' sourceRef='t' targetRef='e2'/><endEvent id='e2'/> | /bpmn/Task_1 | DURATION_INVALID
            bad outcome property     | <endEvent id='e2'><extensionElements><camunda:properties><camunda:property name='brickwork.outcome' value='maybe'/></camunda:properties></extensionElements></endEvent> | /bpmn/e2 | PROPERTY_VALUE_INVALID
            """)
    void refusesTimersAndEndsThatHaveNoSingleMeaning(String name, String more, String pointer, String code) {
        // given
        String bpmn = process("<sequenceFlow id='f1' sourceRef='start' targetRef='Task_1'/>"
                + "<userTask id='Task_1' camunda:candidateGroups='legal'/>"
                + "<sequenceFlow id='f2' sourceRef='Task_1' targetRef='end'/><endEvent id='end'/>" + more);

        // when
        UploadedFlows.Reading reading = read(bpmn);

        // then
        assertThat(reading.plan()).isEmpty();
        assertThat(reading.problems()).extracting(Problem::pointer, Problem::code).contains(tuple(pointer, code));
    }

    @Test
    void reportsABadConditionBesideAnUnknownUser() {
        // given
        String bpmn = modeler().replace("camunda:assignee=\"lujing\"", "camunda:assignee=\"nobody\"")
                .replace("${amount &gt; 100000}", "${amout &gt; 100000}");

        // when
        UploadedFlows.Reading reading = read(bpmn);

        // then
        assertThat(reading.problems()).filteredOn(Problem::isError).extracting(Problem::pointer, Problem::code)
                .containsExactlyInAnyOrder(tuple("/bpmn/Activity_finance", "UPLOAD_USER_UNKNOWN"),
                        tuple("/bpmn/Flow_large", "EXPR_UNKNOWN_FIELD"));
        assertThat(reading.problems()).extracting(Problem::message).noneMatch(m -> m.contains("amout"));
    }

    @Test
    void aProblemInWhatAnEndSetsIsShownAtTheEnd() {
        // given
        String bpmn = process("<sequenceFlow id='f1' sourceRef='start' targetRef='Task_1'/>"
                + "<userTask id='Task_1' camunda:candidateGroups='legal'/><sequenceFlow id='f2' sourceRef='Task_1' targetRef='end'/>"
                + "<endEvent id='end'><extensionElements><camunda:properties><camunda:property name='brickwork.set'"
                + " value='{&quot;colour&quot;: &quot;red&quot;}'/></camunda:properties></extensionElements></endEvent>");

        // when, then
        assertOnlyProblem(bpmn, "/bpmn/end", "SET_FIELD_UNKNOWN");
    }

    @Test
    void refusesAGatewayWithoutAnOtherwise() {
        // given
        String bpmn = process("<sequenceFlow id='f1' sourceRef='start' targetRef='g'/><exclusiveGateway id='g'/>"
                + "<sequenceFlow id='f2' sourceRef='g' targetRef='end'><conditionExpression>amount &gt; 1</conditionExpression>"
                + "</sequenceFlow><sequenceFlow id='f3' sourceRef='g' targetRef='end'><conditionExpression>amount &lt;= 1"
                + "</conditionExpression></sequenceFlow><endEvent id='end'/>");

        // when, then
        assertOnlyProblem(bpmn, "/bpmn/g", "UPLOAD_FLOW_UNMAPPED");
    }

    @Test
    void refusesARejectionThatLoopsBackToATask() {
        // given: the rework loop of many Camunda examples
        String bpmn = process("<sequenceFlow id='f1' sourceRef='start' targetRef='check'/>"
                + "<userTask id='check' camunda:candidateGroups='legal'/><sequenceFlow id='f2' sourceRef='check' targetRef='g'/>"
                + "<exclusiveGateway id='g'/><sequenceFlow id='yes' sourceRef='g' targetRef='ok'>"
                + "<conditionExpression>${approved}</conditionExpression></sequenceFlow>"
                + "<sequenceFlow id='rework' sourceRef='g' targetRef='check'><conditionExpression>${!approved}"
                + "</conditionExpression></sequenceFlow><endEvent id='ok'/>");

        // when, then
        assertOnlyProblem(bpmn, "/bpmn/rework", "UPLOAD_FLOW_UNMAPPED");
    }

    @Test
    void refusesADecisionConditionThatFollowsNoUserTask() {
        // given
        String bpmn = process("<sequenceFlow id='f1' sourceRef='start' targetRef='g'/><exclusiveGateway id='g' default='f3'/>"
                + "<sequenceFlow id='f2' sourceRef='g' targetRef='end'><conditionExpression>${!approved}"
                + "</conditionExpression></sequenceFlow><sequenceFlow id='f3' sourceRef='g' targetRef='end'/><endEvent id='end'/>");

        // when, then
        assertOnlyProblem(bpmn, "/bpmn/f2", "UPLOAD_FLOW_UNMAPPED");
    }

    /** The file's one problem, with a plan refused. */
    private static void assertOnlyProblem(String bpmn, String pointer, String code) {
        UploadedFlows.Reading reading = read(bpmn);
        assertThat(reading.plan()).isEmpty();
        assertThat(reading.problems()).extracting(Problem::pointer, Problem::code).containsExactly(tuple(pointer, code));
    }
}
