package dev.brickwork.designer.flow;

import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.workflow.lint.BpmnLinter;
import dev.brickwork.workflow.lint.LintCodes;
import jakarta.ws.rs.core.MediaType;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Uploaded BPMN bodies: which requests carry one, and the two refusals that leave nothing written. A file above the
 * linter's limit is 413 (a body announced that large never gets here: {@code BodySizeFilter} refuses it before it is
 * read, the JSON limit being the same 2 MiB). A file that is not UTF-8 is 415: the draft is kept as text and a
 * modeller writes UTF-8.
 */
final class Uploads {

    private Uploads() {
    }

    /** {@code application/xml}, {@code text/xml} and {@code …+xml}; anything else is read as a designed flow. */
    static boolean isXml(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("xml") || subtype.endsWith("+xml");
    }

    static byte[] bpmn(byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > BpmnLinter.MAX_BYTES) {
            throw new ProblemException(CommonProblem.BODY_TOO_LARGE, "The file is larger than "
                    + BpmnLinter.MAX_BYTES / (1024 * 1024) + " MiB.", List.of(ProblemError.of("/bpmn", LintCodes.BPMN_TOO_LARGE,
                    "A BPMN file may have at most " + BpmnLinter.MAX_BYTES / (1024 * 1024) + " MiB.")));
        }
        if (!utf8(bytes)) {
            throw new ProblemException(CommonProblem.UNSUPPORTED_MEDIA_TYPE, "A BPMN file is uploaded as UTF-8.",
                    List.of(ProblemError.of("/bpmn", FlowDesignCodes.BPMN_ENCODING, "The file is not UTF-8 text.")));
        }
        return bytes;
    }

    /** Strict UTF-8 without NUL characters, which a PostgreSQL text column cannot hold. */
    private static boolean utf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
