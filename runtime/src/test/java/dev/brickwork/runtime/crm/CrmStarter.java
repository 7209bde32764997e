package dev.brickwork.runtime.crm;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A server of its own for the CRM walk: the starter's app key ({@code crm}) and its roles ({@code sales_rep} …) are
 * global names, so it installs on a database no other test class shares (a profile of its own restarts Quarkus, and
 * with it {@code TestDatabase}, which creates the database afresh). No first-start install: the test installs the
 * starter itself, without sample data.
 */
public class CrmStarter implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("brickwork.starter", "none");
    }
}
