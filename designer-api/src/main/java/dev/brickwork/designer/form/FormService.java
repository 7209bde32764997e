package dev.brickwork.designer.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.DesignProblem;
import dev.brickwork.designer.Keys;
import dev.brickwork.designer.app.AppEntity;
import dev.brickwork.designer.app.AppService;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.FormCompiler;
import dev.brickwork.platform.Ids;
import dev.brickwork.platform.db.LostRaces;
import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.IfMatch;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Saves drafts (with their problems, even unfinished) and reads forms and their versions. */
@ApplicationScoped
public class FormService {

    @Inject
    Mutiny.SessionFactory sessions;

    public record SavedDraft(FormEntity form, List<Problem> problems) {
    }

    public record FormView(FormEntity form, List<FormVersionEntity> versions) {
    }

    /**
     * @param expectedVersion the form's version the client last read ({@code If-Match}), or null to overwrite
     */
    public Uni<SavedDraft> saveDraft(String appKey, String formKey, JsonNode draft, UUID by, Integer expectedVersion) {
        if (!Keys.valid(formKey)) {
            return Uni.createFrom().failure(formNotFound());
        }
        // two saves at once: of a new form, both insert it (its unique key lets one commit); of an existing one,
        // the row's version lets one update through
        return LostRaces.answer(sessions.withTransaction(session -> app(session, appKey)
                .chain(app -> AppCatalog.load(session, app.id).chain(catalog -> {
                    List<Problem> problems = check(draft, formKey, catalog);
                    return find(session, app, formKey).chain(existing -> {
                        if (expectedVersion != null && (existing == null || IfMatch.stale(expectedVersion, existing.version))) {
                            throw new ProblemException(CommonProblem.STALE_VERSION,
                                    "The form changed since it was read; read it again.");
                        }
                        FormEntity form = existing != null ? existing : newForm(app, formKey);
                        form.draft = draft.toString();
                        form.draftProblems = json(problems);
                        form.draftSavedAt = Instant.now();
                        form.draftSavedBy = by;
                        Uni<Void> stored = existing != null ? Uni.createFrom().voidItem() : session.persist(form);
                        return stored.call(session::flush).replaceWith(new SavedDraft(form, problems));
                    });
                }))), () -> new ProblemException(DesignProblem.DRAFT_CONFLICT,
                "Someone else saved this form's draft at the same moment; read it and save again."));
    }

    /**
     * An unsaved draft compiled against the app's published forms.
     *
     * @param problems what {@link #saveDraft} would store
     * @param form     the compiled form, when the draft has no error
     */
    public record CheckedDraft(List<Problem> problems, java.util.Optional<dev.brickwork.forms.compile.CompiledForm> form) {
    }

    /** The draft as {@link #saveDraft} would see it, saving nothing: what a designer shows as the admin types. */
    public Uni<CheckedDraft> checkDraft(String appKey, String formKey, JsonNode draft) {
        if (!Keys.valid(formKey)) {
            return Uni.createFrom().failure(formNotFound());
        }
        return sessions.withSession(session -> app(session, appKey)
                .chain(app -> AppCatalog.load(session, app.id))
                .map(catalog -> {
                    var compilation = FormCompiler.compile(draft, catalog);
                    List<Problem> problems = problems(compilation, draft, formKey, catalog);
                    boolean clean = problems.stream().noneMatch(Problem::isError);
                    return new CheckedDraft(problems, clean ? compilation.form() : java.util.Optional.empty());
                }));
    }

    public Uni<FormView> get(String appKey, String formKey) {
        return sessions.withSession(session -> app(session, appKey)
                .chain(app -> find(session, app, formKey))
                .onItem().ifNull().failWith(FormService::formNotFound)
                .chain(form -> session.createSelectionQuery("from FormVersionEntity where formId = :form order by number",
                                FormVersionEntity.class).setParameter("form", form.id).getResultList()
                        .map(versions -> new FormView(form, versions))));
    }

    public Uni<FormVersionEntity> version(String appKey, String formKey, int number) {
        return sessions.withSession(session -> app(session, appKey)
                .chain(app -> find(session, app, formKey))
                .onItem().ifNull().failWith(FormService::formNotFound)
                .chain(form -> session.createSelectionQuery("from FormVersionEntity where formId = :form and number = :n",
                                FormVersionEntity.class).setParameter("form", form.id).setParameter("n", number)
                        .getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> new ProblemException(DesignProblem.VERSION_NOT_FOUND,
                        "The form has no such published version.")));
    }

    /**
     * Every problem of a definition saved under {@code formKey}: the compiler's, a key that differs from the path,
     * tables named like another form's, and looked-up fields other forms rely on changed.
     */
    static List<Problem> check(JsonNode definition, String formKey, AppCatalog catalog) {
        return problems(FormCompiler.compile(definition, catalog), definition, formKey, catalog);
    }

    /** As {@link #check}, for a definition already compiled. */
    static List<Problem> problems(dev.brickwork.forms.compile.FormCompilation compilation, JsonNode definition, String formKey,
                                  AppCatalog catalog) {
        List<Problem> problems = new ArrayList<>(compilation.problems());
        JsonNode key = definition.path("key");
        if (key.isTextual() && !key.asText().equals(formKey)) {
            problems.add(Problem.error("/key", "FORM_KEY_MISMATCH", "The key must be the form's key in the address."));
        }
        compilation.definition().ifPresent(read -> problems.addAll(TableCollisions.of(read, definition, catalog)));
        if (compilation.definition().isPresent()) {
            problems.addAll(LookupDependents.of(compilation, definition, formKey, catalog));
        }
        return problems;
    }

    static Uni<AppEntity> app(Mutiny.Session session, String appKey) {
        return AppService.findByKey(session, appKey).onItem().ifNull().failWith(AppService::notFound);
    }

    static Uni<FormEntity> find(Mutiny.Session session, AppEntity app, String formKey) {
        return session.createSelectionQuery("from FormEntity where appId = :app and formKey = :key", FormEntity.class)
                .setParameter("app", app.id).setParameter("key", formKey).getSingleResultOrNull();
    }

    static ProblemException formNotFound() {
        return new ProblemException(DesignProblem.FORM_NOT_FOUND, "The app has no form with this key.");
    }

    private static FormEntity newForm(AppEntity app, String formKey) {
        FormEntity form = new FormEntity();
        form.id = Ids.newId();
        form.appId = app.id;
        form.formKey = formKey;
        return form;
    }

    static String json(Object value) {
        try {
            return JsonBodies.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Problems always serialise", e);
        }
    }
}
