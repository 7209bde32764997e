package dev.brickwork.runtime.samples;

import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.admin.Jdbc;
import dev.brickwork.templates.samples.SampleGenerators;
import dev.brickwork.templates.samples.SampleSet;
import dev.brickwork.templates.samples.SampleUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a data set can go into an app, checked before anything is written: the app exists and has published every
 * form the generator writes to, the roles its users hold exist, and none of its usernames is taken (a second load
 * would make the same people again; the sample company belongs in a fresh installation).
 */
@ApplicationScoped
class SampleChecks {

    @Inject
    Jdbc jdbc;

    void require(SampleRequest request, SampleSet set) {
        jdbc.read(c -> {
            if (!appExists(c, request.app())) {
                throw new ProblemException(SampleProblem.APP_NOT_FOUND, "There is no app with this key.",
                        List.of(ProblemError.of("/app", "APP_UNKNOWN", "No app has this key.")));
            }
            List<ProblemError> unfit = new ArrayList<>();
            Set<String> forms = new TreeSet<>(SampleGenerators.forms(request.generator()).orElseThrow());
            forms.removeAll(publishedForms(c, request.app()));
            if (!forms.isEmpty()) {
                unfit.add(ProblemError.of("/app", "SAMPLE_FORMS_MISSING", "The app has not published the forms this generator"
                        + " writes to: " + String.join(", ", forms) + "."));
            }
            Set<String> roles = new TreeSet<>();
            set.users().forEach(user -> roles.addAll(user.roles()));
            roles.removeAll(existing(c, "SELECT role_key FROM brickwork.roles WHERE role_key = ANY (?)", roles));
            if (!roles.isEmpty()) {
                unfit.add(ProblemError.of("/app", "SAMPLE_ROLES_MISSING", "The sample users need these roles, which are not"
                        + " defined: " + String.join(", ", roles) + "."));
            }
            if (!unfit.isEmpty()) {
                throw new ProblemException(SampleProblem.SAMPLE_APP_UNFIT, "The app cannot take this data; see errors.", unfit);
            }
            Set<String> usernames = new TreeSet<>(set.users().stream().map(SampleUser::username).toList());
            Set<String> taken = existing(c, "SELECT username FROM brickwork.users WHERE username = ANY (?)", usernames);
            if (!taken.isEmpty()) {
                throw new ProblemException(SampleProblem.SAMPLE_USERS_EXIST, "Users of this data set exist already ("
                        + taken.size() + " of " + usernames.size() + "): sample data is loaded once, or with another seed.",
                        List.of(ProblemError.of("/seed", "SAMPLE_USERS_EXIST", "Another seed makes other people.")));
            }
            return null;
        });
    }

    private static boolean appExists(Connection c, String app) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT 1 FROM brickwork.apps WHERE app_key = ?")) {
            query.setString(1, app);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static Set<String> publishedForms(Connection c, String app) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT f.form_key FROM brickwork.forms f"
                + " JOIN brickwork.apps a ON a.id = f.app_id WHERE a.app_key = ? AND f.current_version IS NOT NULL")) {
            query.setString(1, app);
            return strings(query);
        }
    }

    private static Set<String> existing(Connection c, String sql, Set<String> names) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setArray(1, c.createArrayOf("text", names.toArray()));
            return strings(query);
        }
    }

    private static Set<String> strings(PreparedStatement query) throws SQLException {
        Set<String> found = new TreeSet<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }
}
