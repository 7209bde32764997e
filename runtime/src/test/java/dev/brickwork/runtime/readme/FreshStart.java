package dev.brickwork.runtime.readme;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A server of its own for README's walkthroughs: a profile of its own restarts Quarkus, and with it
 * {@code TestDatabase}, which creates the database afresh, so the walkthroughs meet the server a new user meets
 * after README's first command, not the apps and users other test classes left.
 */
public class FreshStart implements QuarkusTestProfile {
}
