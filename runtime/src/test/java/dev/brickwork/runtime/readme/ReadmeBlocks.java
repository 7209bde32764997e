package dev.brickwork.runtime.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * README's shell blocks. Each one is marked by the HTML comment on the line before its fence: a walkthrough the
 * README test runs ({@code <!-- walkthrough: records, after: design -->}) or a block it does not run, with the
 * reason ({@code <!-- not run: builds and starts the server itself -->}). A shell block without either is refused,
 * so nobody adds a walkthrough that nothing keeps true.
 */
final class ReadmeBlocks {

    /** A walkthrough: its name, the walkthroughs whose shell state it continues, its text and first line. */
    record Walkthrough(String name, List<String> after, String script, int line) {
    }

    private static final Set<String> SHELL_LANGUAGES = Set.of("sh", "bash", "shell", "zsh", "console");
    private static final Pattern FENCE = Pattern.compile("^```\\s*([A-Za-z0-9_+-]*)\\s*$");
    private static final Pattern WALKTHROUGH = Pattern.compile(
            "^<!-- walkthrough: ([a-z][a-z0-9_-]*)(?:, after: ([a-z0-9_ -]+))? -->$");
    private static final Pattern NOT_RUN = Pattern.compile("^<!-- not run: \\S.* -->$");

    private ReadmeBlocks() {
    }

    static List<Walkthrough> of(Path readme) {
        try {
            return parse(Files.readString(readme));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The walkthroughs in document order; refuses an unmarked shell block and a dependency on a later block. */
    static List<Walkthrough> parse(String markdown) {
        List<String> lines = markdown.lines().toList();
        List<Walkthrough> walkthroughs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                continue;
            }
            int end = closingFence(lines, i);
            String language = fence.group(1).toLowerCase(Locale.ROOT);
            if (SHELL_LANGUAGES.contains(language)) {
                String marker = i > 0 ? lines.get(i - 1).strip() : "";
                Matcher walkthrough = WALKTHROUGH.matcher(marker);
                if (walkthrough.matches()) {
                    walkthroughs.add(walkthrough(walkthrough, lines.subList(i + 1, end), i + 2, walkthroughs));
                } else if (!NOT_RUN.matcher(marker).matches()) {
                    throw new IllegalStateException("README line " + (i + 1) + ": a shell block needs "
                            + "<!-- walkthrough: name --> or <!-- not run: why --> on the line before its fence");
                }
            }
            i = end;
        }
        return walkthroughs;
    }

    private static Walkthrough walkthrough(Matcher marker, List<String> body, int line, List<Walkthrough> earlier) {
        String name = marker.group(1);
        List<String> after = marker.group(2) == null ? List.of()
                : Arrays.stream(marker.group(2).split("[ ,]+")).filter(s -> !s.isEmpty()).toList();
        List<String> known = earlier.stream().map(Walkthrough::name).toList();
        if (known.contains(name)) {
            throw new IllegalStateException("README line " + line + ": a second walkthrough named " + name);
        }
        for (String dependency : after) {
            if (!known.contains(dependency)) {
                throw new IllegalStateException("README line " + line + ": walkthrough " + name
                        + " continues " + dependency + ", which is not an earlier walkthrough");
            }
        }
        return new Walkthrough(name, after, String.join("\n", body) + "\n", line);
    }

    private static int closingFence(List<String> lines, int opening) {
        for (int j = opening + 1; j < lines.size(); j++) {
            if (lines.get(j).strip().equals("```")) {
                return j;
            }
        }
        throw new IllegalStateException("README line " + (opening + 1) + ": a code block that never closes");
    }
}
