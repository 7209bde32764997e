package dev.brickwork.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures from the classpath. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String form(String name) {
        return text("forms/" + name + ".json");
    }

    /** A designed flow from {@code flows/<name>.json}. */
    public static String flow(String name) {
        return text("flows/" + name + ".json");
    }

    /** An uploaded flow from {@code flows/<name>.bpmn}, as the bytes sent. */
    public static byte[] bpmn(String name) {
        return text("flows/" + name + ".bpmn").getBytes(StandardCharsets.UTF_8);
    }
}
