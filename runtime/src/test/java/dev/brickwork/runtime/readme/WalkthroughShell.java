package dev.brickwork.runtime.readme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs README walkthroughs with {@code bash -euo pipefail} in a clean environment, each in a shell of its own: a
 * walkthrough that continues others starts from the variables and functions they left (saved with
 * {@code declare -p}), so it neither re-runs them nor sees anything they did not say. Every curl call is kept and
 * compared: with the answer README shows after it ({@code # → …}), or else it must answer 2xx.
 */
final class WalkthroughShell {

    /** What one walkthrough did wrong; empty when it ran as written. */
    record Outcome(String name, List<String> problems, String output) {
    }

    private static final Pattern SHOWN = Pattern.compile("^\\s*# →(.*)$");
    private static final Pattern SHOWN_CONTINUED = Pattern.compile("^\\s*#\\s{2,}(.*)$");
    private static final Duration LONGEST = Duration.ofMinutes(5);

    private final Path workDir;
    private final Map<String, String> environment;
    private final Map<String, Path> states = new TreeMap<>();

    /** A shell in {@code workDir} whose walkthroughs see only {@code environment} (plus PATH, HOME and LANG). */
    WalkthroughShell(Path workDir, Map<String, String> environment) {
        this.workDir = workDir;
        this.environment = environment;
    }

    Outcome run(ReadmeBlocks.Walkthrough walkthrough) {
        for (String dependency : walkthrough.after()) {
            if (!states.containsKey(dependency)) {
                return new Outcome(walkthrough.name(), List.of("it continues " + dependency + ", which did not run through"), "");
            }
        }
        try {
            Path calls = Files.createDirectories(workDir.resolve(walkthrough.name() + ".calls"));
            Path state = workDir.resolve(walkthrough.name() + ".state.sh");
            List<ShownAt> shown = new ArrayList<>();
            Path script = workDir.resolve(walkthrough.name() + ".sh");
            Files.writeString(script, script(walkthrough, calls, state, shown), StandardCharsets.UTF_8);
            Path output = workDir.resolve(walkthrough.name() + ".out");
            int exit = execute(script, output);
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            List<String> problems = new ArrayList<>();
            if (exit != 0) {
                problems.add("bash -euo pipefail exited with " + exit);
            }
            problems.addAll(compare(calls, shown));
            if (problems.isEmpty()) {
                states.put(walkthrough.name(), state);
            }
            return new Outcome(walkthrough.name(), problems, printed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A README comment showing an answer, at its README line. */
    private record ShownAt(ShownAnswer answer, int line) {
    }

    private String script(ReadmeBlocks.Walkthrough walkthrough, Path calls, Path state, List<ShownAt> shown)
            throws IOException {
        StringBuilder script = new StringBuilder();
        script.append("source ").append(quoted(prelude())).append(' ').append(quoted(calls)).append(' ')
                .append(quoted(state)).append('\n');
        for (String dependency : walkthrough.after()) {
            script.append("source ").append(quoted(states.get(dependency))).append('\n');
        }
        List<String> lines = walkthrough.script().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher arrow = SHOWN.matcher(lines.get(i));
            if (!arrow.matches()) {
                script.append(lines.get(i)).append('\n');
                continue;
            }
            StringBuilder text = new StringBuilder(arrow.group(1));
            for (int j = i + 1; j < lines.size(); j++) {
                Matcher more = SHOWN_CONTINUED.matcher(lines.get(j));
                if (!more.matches() || SHOWN.matcher(lines.get(j)).matches()) {
                    break;
                }
                text.append(' ').append(more.group(1));
            }
            script.append("__shown ").append(shown.size()).append('\n');
            shown.add(new ShownAt(ShownAnswer.of(text.toString()), walkthrough.line() + i));
        }
        script.append("__save_state\n");
        return script.toString();
    }

    private int execute(Path script, Path output) throws IOException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", script.toString())
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = bash.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", workDir.toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(environment);
        Process process = bash.start();
        try {
            if (!process.waitFor(LONGEST.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** Every call against what README shows for it; a call README shows nothing for must answer 2xx. */
    private static List<String> compare(Path calls, List<ShownAt> shown) throws IOException {
        int count = Integer.parseInt(Files.readString(calls.resolve("count")).strip());
        Map<Integer, List<ShownAt>> shownFor = new TreeMap<>();
        List<Boolean> reached = new ArrayList<>(java.util.Collections.nCopies(shown.size(), false));
        for (String note : Files.readAllLines(calls.resolve("shown"))) {
            String[] parts = note.split(" ");
            int index = Integer.parseInt(parts[0]);
            reached.set(index, true);
            shownFor.computeIfAbsent(Integer.parseInt(parts[1]), n -> new ArrayList<>()).add(shown.get(index));
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            if (!reached.get(i)) {
                problems.add("README line " + shown.get(i).line() + " shows an answer the walkthrough never reached");
            }
        }
        for (ShownAt at : shownFor.getOrDefault(0, List.of())) {
            problems.add("README line " + at.line() + " shows an answer before any call");
        }
        for (int n = 1; n <= count; n++) {
            Call call = Call.read(calls, n);
            List<ShownAt> answers = shownFor.getOrDefault(n, List.of(new ShownAt(ShownAnswer.of(""), 0)));
            for (ShownAt answer : answers) {
                for (String mismatch : answer.answer().mismatches(call)) {
                    problems.add((answer.line() > 0 ? "README line " + answer.line() + ": " : "") + mismatch
                            + " (" + call + ")");
                }
            }
        }
        return problems;
    }

    private Path prelude() throws IOException {
        Path prelude = workDir.resolve("walkthrough-prelude.sh");
        if (!Files.exists(prelude)) {
            try (InputStream in = WalkthroughShell.class.getResourceAsStream("/readme/walkthrough-prelude.sh")) {
                Files.copy(in, prelude);
            }
        }
        return prelude;
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
