package dev.brickwork.runtime.readme;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.runtime.Login;
import dev.brickwork.templates.Templates;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * README's curl walkthroughs, run as a reader would run them: each marked shell block, in document order, with
 * {@code bash -euo pipefail} against this test's server, every answer held to what README shows (decision 0024).
 * The server starts fresh for them ({@link FreshStart}: a database of its own) and gets the CRM starter, as after
 * README's first command.
 */
@QuarkusTest
@TestProfile(FreshStart.class)
@WithTestResource(TestDatabase.class)
class ReadmeWalkthroughsTest {

    @TestFactory
    Stream<DynamicTest> everyWalkthroughInReadmeRunsAsWritten() throws IOException {
        assertThat(Stream.of("curl", "jq").filter(tool -> !onPath(tool)))
                .as("README's walkthroughs need curl and jq on the PATH (.ci/run installs them)").isEmpty();
        // as README says: the server serves once /q/health/ready answers 200 (the BPMN engine starts after HTTP)
        await().atMost(Duration.ofMinutes(2)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        installTheStarter();
        List<ReadmeBlocks.Walkthrough> walkthroughs = ReadmeBlocks.of(readme());
        assertThat(walkthroughs).as("README's walkthroughs").isNotEmpty();
        WalkthroughShell shell = new WalkthroughShell(freshDirectory(), Map.of(
                "H", "http://localhost:" + RestAssured.port, "ADMIN_PASSWORD", TestDatabase.adminPassword()));
        return walkthroughs.stream().map(walkthrough -> DynamicTest.dynamicTest(
                walkthrough.name() + " (README line " + walkthrough.line() + ")", () -> {
                    WalkthroughShell.Outcome outcome = shell.run(walkthrough);
                    assertThat(outcome.problems()).as("walkthrough %s; it printed:%n%s", walkthrough.name(),
                            tail(outcome.output())).isEmpty();
                }));
    }

    /**
     * What README's first command leaves: the CRM starter installed, here through the package API and without its
     * sample data (the walkthroughs are written to run with it too, but it takes a minute to load).
     */
    private static void installTheStarter() {
        ObjectNode starter = Templates.crm();
        starter.remove("seed");
        given().header("Authorization", Login.bearer(Login.admin())).contentType(ContentType.JSON)
                .body(starter.toString()).post("/api/v1/design/packages").then().statusCode(200);
    }

    /** README.md of the repository: tests run in the module's directory. */
    private static Path readme() {
        Path readme = Path.of("").toAbsolutePath().getParent().resolve("README.md");
        assertThat(readme).as("the repository's README").exists();
        return readme;
    }

    /** target/readme-walkthroughs, emptied: the scripts, their output and every answer stay for inspection. */
    private static Path freshDirectory() throws IOException {
        Path dir = Path.of("target", "readme-walkthroughs").toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static String tail(String output) {
        return output.length() > 4000 ? "…" + output.substring(output.length() - 4000) : output;
    }
}
