package dev.brickwork.designer.flow;

import dev.brickwork.platform.http.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadsTest {

    @ParameterizedTest(name = "{0} is XML: {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            application/xml                 | true
            text/xml; charset=UTF-8         | true
            application/bpmn+xml            | true
            APPLICATION/XML                 | true
            application/json                | false
            application/json; charset=UTF-8 | false
            text/plain                      | false
            not a media type                | false
            null                            | false
            """)
    void tellsAnUploadFromADesignedFlowByItsContentType(String contentType, boolean xml) {
        assertThat(Uploads.isXml(contentType)).isEqualTo(xml);
    }

    @Test
    void letsUtf8ThroughAsItCame() {
        byte[] bpmn = "<definitions name=\"合同\"/>".getBytes(StandardCharsets.UTF_8);
        assertThat(Uploads.bpmn(bpmn)).isSameAs(bpmn);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16", "ISO-8859-1"})
    void refusesAnotherEncodingWith415(String charset) {
        byte[] bpmn = "<definitions name=\"Müller\"/>".getBytes(java.nio.charset.Charset.forName(charset));
        assertThatThrownBy(() -> Uploads.bpmn(bpmn)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type().status()).isEqualTo(415));
    }

    @Test
    void refusesAFileOverTheLintersLimit() {
        byte[] bpmn = new byte[dev.brickwork.workflow.lint.BpmnLinter.MAX_BYTES + 1];
        java.util.Arrays.fill(bpmn, (byte) ' ');
        assertThatThrownBy(() -> Uploads.bpmn(bpmn)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type().status()).isEqualTo(413));
    }
}
