package dev.brickwork.runtime;

import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** What a newcomer's log shows while they design: publishing is not a warning. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class PublishLogTest {

    // how long the event loop was blocked depends on the machine's load, not on what a publish does
    private static final String LOAD_DEPENDENT = "io.vertx.core.impl.BlockedThreadChecker";

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue() && !LOAD_DEPENDENT.equals(record.getLoggerName())) {
                warnings.add(record.getLoggerName() + ": " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        AsAdmin.signIn();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
        AsAdmin.signOut();
    }

    @Test
    void publishingFormsIntoAnAppThatHasSomeLogsNoWarning() {
        Design.createApp("quiet_log").statusCode(201);
        Design.publishDefinition("quiet_log", "customer", form("customer", ""));
        Design.publishDefinition("quiet_log", "deal", form("deal", ""));
        Design.publishDefinition("quiet_log", "customer", form("customer", ", {\"key\": \"city\", \"type\": \"text\"}"));

        assertThat(warnings).isEmpty();
    }

    private static String form(String key, String moreFields) {
        return "{\"schemaVersion\": 1, \"key\": \"" + key + "\", \"titleField\": \"name\", \"fields\": ["
                + "{\"key\": \"name\", \"type\": \"text\"}" + moreFields + "]}";
    }
}
