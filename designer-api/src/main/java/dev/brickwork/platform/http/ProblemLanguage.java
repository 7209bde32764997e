package dev.brickwork.platform.http;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * A problem in the caller's language (docs/spec.md §1, Accept-Language): Chinese for a caller who prefers any zh,
 * English otherwise. Titles, the detail of common problems and located errors' messages come from a bundle keyed by
 * code; what the bundle lacks stays English, so a new code is never lost, only untranslated. Messages a definition
 * writes (a rule's own message) are the client's to show from the definition's translations.
 */
public final class ProblemLanguage {

    private static final ResourceBundle CHINESE = ResourceBundle.getBundle("dev.brickwork.platform.http.problems", Locale.SIMPLIFIED_CHINESE,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private ProblemLanguage() {
    }

    /** Whether the header's most preferred language that we speak is Chinese. */
    public static boolean prefersChinese(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("zh")) {
                    return true;
                }
                if (tag.startsWith("en")) {
                    return false;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return false;
    }

    public static ProblemDetail localize(ProblemDetail problem, String acceptLanguage) {
        if (!prefersChinese(acceptLanguage)) {
            return problem;
        }
        Optional<String> title = text("title." + problem.code());
        // an incident id is what support needs: that detail is kept whatever the language
        String detail = problem.code().equals(CommonProblem.INTERNAL.name()) ? problem.detail()
                : text("detail." + problem.code()).or(() -> title).orElse(problem.detail());
        List<ProblemError> errors = problem.errors().stream()
                .map(e -> new ProblemError(e.pointer(), e.code(), e.severity(), text("error." + e.code()).orElse(e.message()), e.blockedBy()))
                .toList();
        return new ProblemDetail(problem.type(), title.orElse(problem.title()), problem.status(), problem.code(), detail, errors);
    }

    /** One located error's message in the caller's language: for problems that travel outside a problem body. */
    public static String message(String code, String english, String acceptLanguage) {
        return prefersChinese(acceptLanguage) ? text("error." + code).orElse(english) : english;
    }

    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile("^at position (\\d+): ");
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'([^']*)'");

    /**
     * A definition problem's message in the caller's language (the designers' problems travel in 200 bodies, not as
     * problem+json). Its translation may name what the English quotes, in order, as {0}, {1}…; a translation asking
     * for more than the English quotes, or none at all, leaves the English. An expression's position stays in front.
     */
    public static String designMessage(String code, String english, String acceptLanguage) {
        if (!prefersChinese(acceptLanguage) || english == null) {
            return english;
        }
        java.util.regex.Matcher at = POSITION.matcher(english);
        String prefix = at.find() ? "第 " + at.group(1) + " 个字符处：" : "";
        String rest = prefix.isEmpty() ? english : english.substring(at.end());
        Optional<String> translated = text("design." + code);
        if (translated.isEmpty()) {
            return english;
        }
        List<String> quoted = QUOTED.matcher(rest).results().map(m -> m.group(1)).toList();
        String message = translated.get();
        for (int i = 0; i < quoted.size(); i++) {
            message = message.replace("{" + i + "}", quoted.get(i));
        }
        return message.matches("(?s).*\\{\\d+}.*") ? english : prefix + message;
    }

    private static Optional<String> text(String key) {
        try {
            return Optional.of(CHINESE.getString(key));
        } catch (MissingResourceException missing) {
            return Optional.empty();
        }
    }
}
