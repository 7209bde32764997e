package dev.brickwork.runtime.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One curl call a walkthrough made: the last response's status and headers (curl -D) and the body. */
record Call(int number, int status, List<String> headers, String body) {

    /** Reads call {@code number} from the files the shell's curl wrapper wrote. */
    static Call read(Path calls, int number) {
        try {
            List<String> head = Files.readAllLines(calls.resolve(number + ".head"), StandardCharsets.ISO_8859_1);
            // with redirects or a 100 Continue curl -D holds several responses; the last status line is the answer
            int lastStatus = 0;
            for (int i = 0; i < head.size(); i++) {
                if (head.get(i).startsWith("HTTP/")) {
                    lastStatus = i;
                }
            }
            int status = head.isEmpty() ? 0 : Integer.parseInt(head.get(lastStatus).split(" ")[1]);
            String body = Files.readString(calls.resolve(number + ".body"), StandardCharsets.UTF_8);
            return new Call(number, status, head.subList(Math.min(lastStatus + 1, head.size()), head.size()), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(h -> h.substring(prefix.length()).strip()).findFirst();
    }

    @Override
    public String toString() {
        String shown = body.length() > 600 ? body.substring(0, 600) + "…" : body;
        return "call " + number + " answered " + status + " " + shown.strip();
    }
}
