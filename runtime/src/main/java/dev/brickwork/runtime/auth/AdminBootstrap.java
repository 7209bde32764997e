package dev.brickwork.runtime.auth;

import dev.brickwork.platform.Ids;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

/**
 * On an empty database, creates the user {@code admin} with the password from {@code BRICKWORK_ADMIN_PASSWORD},
 * or a random one written to the log this once (docs/spec.md §8). Runs after the migrations.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "brickwork.admin.password")
    Optional<String> configuredPassword;

    void onStart(@Observes StartupEvent event) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (var any = c.createStatement().executeQuery("SELECT 1 FROM brickwork.users LIMIT 1")) {
                if (any.next()) {
                    return;
                }
            }
            String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(AdminBootstrap::randomPassword);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO brickwork.users"
                    + " (id, username, password_hash, display_name, is_admin) VALUES (?, 'admin', ?, 'Administrator', true)"
                    + " ON CONFLICT (username) DO NOTHING")) {
                insert.setObject(1, Ids.newId());
                insert.setString(2, Passwords.hash(password));
                insert.executeUpdate();
            }
            if (configuredPassword.filter(p -> !p.isBlank()).isEmpty()) {
                // shown once, on the first start only: there is no other way to learn it
                LOG.infof("Created the user 'admin' with the password %s (set BRICKWORK_ADMIN_PASSWORD to choose it)", password);
            } else {
                LOG.info("Created the user 'admin' with the password from BRICKWORK_ADMIN_PASSWORD");
            }
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
