package dev.brickwork.runtime.readme;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the README test reads README and judges a walkthrough, against a tiny server of its own (no Quarkus). */
class ReadmeBlocksTest {

    private static HttpServer server;

    @TempDir
    Path dir;

    /** /stale answers 412 RECORD_STALE with ETag "1"; /ok answers 200 {"id": "r1", "version": 2}. */
    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer("/stale", 412, "{\"code\": \"RECORD_STALE\", \"status\": 412}");
        answer("/ok", 200, "{\"id\": \"r1\", \"version\": 2, \"items\": []}");
        server.start();
    }

    private static void answer(String path, int status, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("ETag", "\"1\"");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void aShellBlockWithoutAMarkerIsRefusedWithItsLine() {
        String readme = "# T\n\n<!-- not run: builds -->\n```sh\n./mvnw verify\n```\n\n```bash\ncurl -s $H\n```\n";
        assertThatThrownBy(() -> ReadmeBlocks.parse(readme)).hasMessageContaining("README line 8")
                .hasMessageContaining("<!-- walkthrough: name -->");
    }

    @Test
    void walkthroughsAreReadInOrderWithWhatTheyContinueAndOtherBlocksAreLeftAlone() {
        String readme = "<!-- walkthrough: first -->\n```sh\nA=1\n```\n\n```json\n{\"x\": 1}\n```\n"
                + "<!-- not run: needs a stopped server -->\n```sh\ntar -czf b.tgz data\n```\n"
                + "<!-- walkthrough: second, after: first -->\n```sh\necho $A\n```\n";
        List<ReadmeBlocks.Walkthrough> walkthroughs = ReadmeBlocks.parse(readme);
        assertThat(walkthroughs).extracting(ReadmeBlocks.Walkthrough::name).containsExactly("first", "second");
        assertThat(walkthroughs.get(1).after()).containsExactly("first");
        assertThat(walkthroughs.get(1).script()).isEqualTo("echo $A\n");
        assertThat(walkthroughs.get(1).line()).isEqualTo(15);
    }

    @Test
    void aWalkthroughContinuingOneThatIsNotEarlierIsRefused() {
        String readme = "<!-- walkthrough: second, after: first -->\n```sh\necho $A\n```\n"
                + "<!-- walkthrough: first -->\n```sh\nA=1\n```\n";
        assertThatThrownBy(() -> ReadmeBlocks.parse(readme)).hasMessageContaining("continues first");
    }

    @Test
    void aShownAnswerNamesItsStatusItsETagAndThePairsWrittenInFull() {
        ShownAnswer shown = ShownAnswer.of(" 412, ETag \"1\" {\"code\": \"RECORD_STALE\", \"id\": \"01a2…\", \"total\": 1, "
                + "\"sql\": \"CREATE ... INDEX\", \"nextCursor\": null, \"fields\": {\"name\": \"a \\\"b\\\"\"}}");
        assertThat(shown.status()).contains(412);
        assertThat(shown.etag()).contains("\"1\"");
        assertThat(shown.pairs()).containsOnlyKeys("code", "total", "nextCursor", "name");
        assertThat(shown.pairs().get("name").get(0).asText()).isEqualTo("a \"b\"");
    }

    @Test
    void aWalkthroughAsWrittenPassesAndLeavesItsVariablesToTheOneAfterIt() {
        WalkthroughShell shell = shell();
        String first = "ID=$(curl -s $H/ok | jq -r .id)\nhello() { echo \"hi $1\"; }\n"
                + "curl -s $H/stale\n# → 412 {\"code\": \"RECORD_STALE\",\n#      \"status\": 412}\n";
        WalkthroughShell.Outcome outcome = shell.run(new ReadmeBlocks.Walkthrough("first", List.of(), first, 10));
        assertThat(outcome.problems()).isEmpty();
        WalkthroughShell.Outcome second = shell.run(new ReadmeBlocks.Walkthrough("second", List.of("first"),
                "test \"$ID\" = r1\nhello there\n", 20));
        assertThat(second.problems()).isEmpty();
        assertThat(second.output()).contains("hi there");
    }

    @Test
    void anAnswerOtherThanShownFailsTheWalkthroughNamingTheReadmeLine() {
        String script = "curl -s $H/ok\n# → 201 {\"version\": 3}\n";
        WalkthroughShell.Outcome outcome = shell().run(new ReadmeBlocks.Walkthrough("w", List.of(), script, 40));
        assertThat(outcome.problems()).anySatisfy(p -> assertThat(p).startsWith("README line 41: status 200, README shows 201"))
                .anySatisfy(p -> assertThat(p).contains("no \"version\": 3"));
    }

    @Test
    void aCallReadmeShowsNothingForMustSucceed() {
        WalkthroughShell.Outcome outcome = shell().run(new ReadmeBlocks.Walkthrough("w", List.of(), "curl -s $H/stale\n", 1));
        assertThat(outcome.problems()).singleElement().asString().contains("status 412, README shows a 2xx");
    }

    @Test
    void aFailingCommandOrAnUnsetVariableStopsTheWalkthroughAndWhatContinuesIt() {
        WalkthroughShell shell = shell();
        WalkthroughShell.Outcome unset = shell.run(new ReadmeBlocks.Walkthrough("w", List.of(), "echo $NOT_SET\n", 1));
        assertThat(unset.problems()).contains("bash -euo pipefail exited with 1");
        WalkthroughShell.Outcome after = shell.run(new ReadmeBlocks.Walkthrough("v", List.of("w"), "true\n", 5));
        assertThat(after.problems()).containsExactly("it continues w, which did not run through");
    }

    @Test
    void anAnswerTheWalkthroughNeverReachesIsReported() {
        String script = "if false; then\n  curl -s $H/ok\n# → 200\nfi\n";
        WalkthroughShell.Outcome outcome = shell().run(new ReadmeBlocks.Walkthrough("w", List.of(), script, 1));
        assertThat(outcome.problems()).containsExactly("README line 3 shows an answer the walkthrough never reached");
    }

    private WalkthroughShell shell() {
        return new WalkthroughShell(dir, Map.of("H", "http://127.0.0.1:" + server.getAddress().getPort()));
    }
}
