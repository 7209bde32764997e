package dev.brickwork.runtime.crypto;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The configured encryption key for sensitive fields ({@code BRICKWORK_ENCRYPTION_KEY}, base64 of 32 bytes) and the
 * previous keys a rotation still reads ({@code BRICKWORK_ENCRYPTION_PREVIOUS_KEYS}, comma-separated). Starting
 * without a key while published forms have sensitive fields is refused with a clear message.
 */
@ApplicationScoped
public class FieldCiphers {

    @ConfigProperty(name = "brickwork.encryption.key")
    Optional<String> key;

    @ConfigProperty(name = "brickwork.encryption.previous-keys")
    Optional<List<String>> previousKeys;

    @Inject
    AgroalDataSource dataSource;

    private volatile FieldCipher cipher;

    public Optional<FieldCipher> cipher() {
        if (cipher == null && key.filter(k -> !k.isBlank()).isPresent()) {
            cipher = new FieldCipher(FieldCipher.decodeKey(key.get()),
                    previousKeys.orElse(List.of()).stream().filter(k -> !k.isBlank()).map(FieldCipher::decodeKey).toList());
        }
        return Optional.ofNullable(cipher);
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        boolean keyed = cipher().isPresent();
        try (Connection c = dataSource.getConnection();
             ResultSet row = c.createStatement().executeQuery("SELECT EXISTS (SELECT 1 FROM brickwork.form_versions v"
                     + " JOIN brickwork.forms f ON f.id = v.form_id AND v.number = f.current_version"
                     + " WHERE jsonb_path_exists(v.definition, '$.**.sensitive ? (@ == true)'))")) {
            row.next();
            requireKey(row.getBoolean(1), keyed);
        }
    }

    /** Refuses to run when sensitive data exists (or may be written) and there is no key to read it with. */
    static void requireKey(boolean sensitiveFieldsPublished, boolean keyConfigured) {
        if (sensitiveFieldsPublished && !keyConfigured) {
            throw new IllegalStateException("Published forms have sensitive fields, which are stored encrypted:"
                    + " set BRICKWORK_ENCRYPTION_KEY (base64 of 32 random bytes, e.g. `openssl rand -base64 32`) and start again");
        }
    }
}
