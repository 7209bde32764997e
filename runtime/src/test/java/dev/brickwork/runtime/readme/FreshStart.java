package dev.brickwork.runtime.readme;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A server of its own for README's walkthroughs: a profile of its own restarts Quarkus, and with it
 * {@code TestDatabase}, which creates the database afresh, so the walkthroughs meet the server a new user meets
 * after README's first command, not the apps and users other test classes left. The test installs the CRM starter
 * itself (without sample data), so the server's own first start installs nothing.
 */
public class FreshStart implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("brickwork.starter", "none");
    }
}
