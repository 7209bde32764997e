package dev.brickwork.designer.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.DesignProblem;
import dev.brickwork.designer.Keys;
import dev.brickwork.designer.flow.FlowSummary;
import dev.brickwork.designer.form.FormEntity;
import dev.brickwork.platform.Ids;
import dev.brickwork.platform.db.LostRaces;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/** Creates and reads apps. */
@ApplicationScoped
public class AppService {

    @Inject
    Mutiny.SessionFactory sessions;

    public Uni<AppEntity> create(JsonNode body, UUID by) {
        List<ProblemError> errors = problems(body);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(DesignProblem.APP_INVALID, "The app is invalid.", errors));
        }
        String key = body.get("key").asText();
        // two creates of one key at once: both find none, the unique key lets one insert commit
        return LostRaces.answer(sessions.withTransaction(session -> findByKey(session, key)
                .onItem().ifNotNull().failWith(AppService::exists)
                .chain(() -> persistNew(session, key, body.get("label"), by))), AppService::exists);
    }

    /** Stores a new app inside the caller's transaction (its key and label already checked with {@link #problems}). */
    public static Uni<AppEntity> persistNew(Mutiny.Session session, String key, JsonNode label, UUID by) {
        AppEntity app = new AppEntity();
        app.id = Ids.newId();
        app.appKey = key;
        app.label = label.toString();
        app.createdAt = Instant.now();
        app.createdBy = by;
        return session.persist(app).replaceWith(app);
    }

    private static ProblemException exists() {
        return new ProblemException(DesignProblem.APP_EXISTS, "An app with this key exists.",
                List.of(ProblemError.of("/key", "APP_EXISTS", "The key is taken.")));
    }

    public Uni<List<AppEntity>> list() {
        return sessions.withSession(session -> session
                .createSelectionQuery("from AppEntity order by appKey", AppEntity.class).getResultList());
    }

    /** An app with what it holds. */
    public record AppContents(AppEntity app, List<FormEntity> forms, List<FlowSummary> flows) {
    }

    /** The app, its forms and its flows. */
    public Uni<AppContents> get(String key) {
        return sessions.withSession(session -> findByKey(session, key)
                .onItem().ifNull().failWith(() -> notFound())
                .chain(app -> session.createSelectionQuery("from FormEntity where appId = :app order by formKey", FormEntity.class)
                        .setParameter("app", app.id).getResultList()
                        .chain(forms -> FlowSummary.of(session, app.id).map(flows -> new AppContents(app, forms, flows)))));
    }

    public static Uni<AppEntity> findByKey(Mutiny.Session session, String key) {
        return session.createSelectionQuery("from AppEntity where appKey = :key", AppEntity.class)
                .setParameter("key", key).getSingleResultOrNull();
    }

    public static ProblemException notFound() {
        return new ProblemException(DesignProblem.APP_NOT_FOUND, "There is no app with this key.");
    }

    /** Every problem of an app body ({@code key}, {@code label}), located. */
    public static List<ProblemError> problems(JsonNode body) {
        List<ProblemError> errors = new ArrayList<>();
        if (!body.isObject()) {
            errors.add(ProblemError.of("", "APP_NOT_OBJECT", "The app must be a JSON object."));
            return errors;
        }
        JsonNode key = body.get("key");
        if (key == null || !key.isTextual()) {
            errors.add(ProblemError.of("/key", "PROPERTY_REQUIRED", "The app needs a key."));
        } else if (!Keys.valid(key.asText())) {
            errors.add(ProblemError.of("/key", "KEY_INVALID", "A key starts with a-z and has up to 40 of a-z, 0-9 and _."));
        }
        JsonNode label = body.get("label");
        if (label == null) {
            errors.add(ProblemError.of("/label", "PROPERTY_REQUIRED", "The app needs a label."));
        } else if (!validLabel(label)) {
            errors.add(ProblemError.of("/label", "LABEL_INVALID", "A label is a text or an object of language tag to text."));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("key") && !name.equals("label")) {
                errors.add(ProblemError.of("/" + name.replace("~", "~0").replace("/", "~1"), "PROPERTY_UNKNOWN",
                        "An app has only a key and a label."));
            }
        }
        return errors;
    }

    private static boolean validLabel(JsonNode label) {
        if (label.isTextual()) {
            return !label.asText().isBlank() && label.asText().length() <= 200;
        }
        if (!label.isObject() || label.isEmpty()) {
            return false;
        }
        for (JsonNode text : label) {
            if (!text.isTextual() || text.asText().length() > 200) {
                return false;
            }
        }
        return true;
    }
}
