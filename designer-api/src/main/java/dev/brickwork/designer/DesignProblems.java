package dev.brickwork.designer;

import dev.brickwork.forms.Problem;
import dev.brickwork.platform.http.ProblemLanguage;

import java.util.List;

/** A definition's problems as the designers show them: each message in the caller's language where it is translated. */
public final class DesignProblems {

    private DesignProblems() {
    }

    public static List<Problem> inLanguage(List<Problem> problems, String acceptLanguage) {
        if (!ProblemLanguage.prefersChinese(acceptLanguage)) {
            return problems;
        }
        return problems.stream().map(p -> new Problem(p.pointer(), p.code(), p.severity(),
                ProblemLanguage.designMessage(p.code(), p.message(), acceptLanguage))).toList();
    }
}
