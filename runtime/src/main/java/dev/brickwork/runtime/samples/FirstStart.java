package dev.brickwork.runtime.samples;

import dev.brickwork.runtime.packages.PackageInstaller;
import dev.brickwork.templates.Templates;
import dev.brickwork.templates.samples.SampleGenerators;
import dev.brickwork.templates.samples.SampleUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A newcomer's first start ends at a working CRM: on a database without apps, the starter named by
 * {@code brickwork.starter} ({@code BRICKWORK_STARTER}: {@code crm}, or {@code none}) is installed as the bootstrap
 * admin, and its package's seed loads the small sample set ({@link SampleSeed}). Runs on a thread of its own after
 * {@code AdminBootstrap}, so neither the start nor the event loop waits for it; nodes starting together take a
 * PostgreSQL advisory lock, and the one that comes second finds the app there and does nothing.
 */
@ApplicationScoped
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class);
    static final String NONE = "none";
    static final String CRM = "crm";
    private static final String LOCK = "SELECT pg_advisory_lock(hashtext('brickwork.first-start'))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext('brickwork.first-start'))";

    /** What first start did: installed the starter, or found apps (or no admin, or no starter wanted) and left it. */
    enum Outcome {
        INSTALLED, APPS_PRESENT, NOT_WANTED, NO_ADMIN
    }

    private record Admin(UUID id, String username) {
    }

    @ConfigProperty(name = "brickwork.starter", defaultValue = CRM)
    String starter;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PackageInstaller installer;

    @Inject
    SampleJobs jobs;

    @Inject
    Clock clock;

    @Inject
    ZoneId zone;

    /** After AdminBootstrap (priority APPLICATION + 500): the bootstrap admin exists by then. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        if (NONE.equals(starter)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                installIfEmpty();
            } catch (RuntimeException e) {
                LOG.error("First start could not install the starter; the server runs without it", e);
            }
        }, "brickwork-first-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Installs the starter when the database has no apps. Blocking; two callers at once install it once. */
    Outcome installIfEmpty() {
        if (NONE.equals(starter)) {
            return Outcome.NOT_WANTED;
        }
        if (!CRM.equals(starter)) {
            LOG.warnf("brickwork.starter names no starter this server has (crm, or none): nothing is installed");
            return Outcome.NOT_WANTED;
        }
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute(LOCK);
            try {
                return installLocked(c);
            } finally {
                c.createStatement().execute(UNLOCK);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("First start: database call failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private Outcome installLocked(Connection c) throws SQLException {
        try (ResultSet any = c.createStatement().executeQuery("SELECT 1 FROM brickwork.apps LIMIT 1")) {
            if (any.next()) {
                return Outcome.APPS_PRESENT;
            }
        }
        Admin admin = bootstrapAdmin(c);
        if (admin == null) {
            LOG.warn("First start: no enabled administrator to install the starter as; nothing is installed");
            return Outcome.NO_ADMIN;
        }
        installer.install(Templates.crm(), false, admin.id(), admin.username());
        LOG.info(howToLogIn(admin));
        return Outcome.INSTALLED;
    }

    /** The user AdminBootstrap made ({@code admin}), or else the oldest enabled administrator. */
    private static Admin bootstrapAdmin(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT id, username FROM brickwork.users"
                + " WHERE is_admin AND NOT disabled ORDER BY username <> 'admin', created_at, id LIMIT 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? new Admin(row.getObject(1, UUID.class), row.getString(2)) : null;
        }
    }

    /** The one line a newcomer needs: where, who, and where the passwords are (never a password). */
    private String howToLogIn(Admin admin) {
        String samples = jobs.latest().filter(job -> job.request().app().equals(CRM)).map(job -> {
            SampleRequest request = job.request();
            SampleUser gm = SampleGenerators.generate(request.generator(), request.size(), request.seed(),
                    LocalDate.now(clock.withZone(zone))).orElseThrow().users().get(0);
            return "; its sample staff (usernames are their names in pinyin, e.g. '" + gm.username()
                    + "', the general manager; all in GET /api/v1/admin/users) log in with the password of"
                    + " brickwork.samples.password (BRICKWORK_SAMPLES_PASSWORD; runtime/README.md gives the default)"
                    + "; the sample data is loading: GET /api/v1/admin/samples/" + job.id();
        }).orElse("");
        return "First start: installed the CRM starter (app 'crm'). Log in at http://localhost:" + port
                + "/api/v1/auth/login as '" + admin.username() + "' with BRICKWORK_ADMIN_PASSWORD (or the password"
                + " logged above when none was set)" + samples + ". Set BRICKWORK_STARTER=none to start empty.";
    }
}
