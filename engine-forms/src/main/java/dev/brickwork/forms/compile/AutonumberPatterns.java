package dev.brickwork.forms.compile;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an autonumber pattern: literal text and the placeholders {yyyy}, {MM}, {dd} ({dd}: an addition to docs/spec.md
 * §2) and exactly one {seq:N}, 1 <= N <= 12.
 */
final class AutonumberPatterns {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SEQ = Pattern.compile("seq:(\\d{1,2})");

    private AutonumberPatterns() {
    }

    /** Why the pattern is invalid, or empty when it is fine. */
    static Optional<String> problem(String pattern) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        int sequences = 0;
        StringBuilder literal = new StringBuilder();
        int last = 0;
        while (m.find()) {
            literal.append(pattern, last, m.start());
            last = m.end();
            String name = m.group(1);
            Matcher seq = SEQ.matcher(name);
            if (seq.matches()) {
                int digits = Integer.parseInt(seq.group(1));
                if (digits < 1 || digits > 12) {
                    return Optional.of("{seq:N} takes 1 to 12 digits");
                }
                sequences++;
            } else if (!name.equals("yyyy") && !name.equals("MM") && !name.equals("dd")) {
                return Optional.of("Only the placeholders {yyyy}, {MM}, {dd} and {seq:N} are known");
            }
        }
        literal.append(pattern.substring(last));
        if (literal.indexOf("{") >= 0 || literal.indexOf("}") >= 0) {
            return Optional.of("A brace that is not part of a placeholder");
        }
        if (sequences != 1) {
            return Optional.of("The pattern needs exactly one {seq:N}");
        }
        return Optional.empty();
    }
}
