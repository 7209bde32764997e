package dev.brickwork.runtime.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.runtime.packages.PackageInstaller;
import dev.brickwork.templates.Templates;
import dev.brickwork.templates.samples.SampleGenerators;
import dev.brickwork.templates.samples.SampleSize;
import dev.brickwork.templates.samples.SampleUser;
import dev.brickwork.testing.Db;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The CRM starter installed under an app key of a test's own, without its seed (the test loads what it needs). */
public final class CrmApps {

    private CrmApps() {
    }

    public static void install(PackageInstaller installer, String appKey) {
        ObjectNode pkg = Templates.crm();
        pkg.remove("seed");
        ((ObjectNode) pkg.get("app")).put("key", appKey);
        for (JsonNode role : pkg.path("roles")) {
            for (JsonNode permission : role.path("permissions")) {
                if ("crm".equals(permission.path("app").asText())) {
                    ((ObjectNode) permission).put("app", appKey);
                }
            }
        }
        installer.install(pkg, false, adminId(), "admin");
    }

    public static UUID adminId() {
        return UUID.fromString(Db.single("SELECT id::text FROM brickwork.users WHERE username = 'admin'"));
    }

    /** The usernames a set's people get. */
    static Set<String> usernames(SampleSize size, long seed) {
        return SampleGenerators.generate(SampleGenerators.CRM, size, seed, LocalDate.now()).orElseThrow().users().stream()
                .map(SampleUser::username).collect(Collectors.toSet());
    }
}
