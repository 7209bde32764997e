package dev.brickwork.designer.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.DesignProblem;
import dev.brickwork.designer.migration.DataCheck;
import dev.brickwork.designer.migration.MigrationPlan;
import dev.brickwork.designer.migration.MigrationPlanner;
import dev.brickwork.designer.migration.MigrationStep;
import dev.brickwork.designer.migration.SqlNames;
import dev.brickwork.designer.migration.StoredTables;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.compile.FormCompilation;
import dev.brickwork.forms.compile.FormCompiler;
import dev.brickwork.platform.Ids;
import dev.brickwork.platform.db.LostRaces;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes a form's draft as its next version. One transaction: lock the form, compile the draft against the
 * app's published forms, plan the migration from the current version, run the data checks, apply the DDL,
 * store the version and make it current. Any failure rolls all of it back and the previous version keeps serving.
 */
@ApplicationScoped
public class PublishService {

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    PublishedForms published;

    @Inject
    dev.brickwork.platform.cluster.ClusterChanges cluster;

    @Inject
    jakarta.enterprise.inject.Instance<PublishListener> listeners;

    @Schema(name = "FormPublished")
    public record Published(int version, List<MigrationStep> migration, boolean dryRun) {
    }

    private record Prepared(FormEntity form, CompiledForm next, MigrationPlan plan, int number) {
    }

    public Uni<Published> publish(String appKey, String formKey, boolean dryRun, UUID by, String byName) {
        // a second publish waits for the form's row lock, then finds the row changed: it lost the race
        return LostRaces.answer(sessions.withTransaction(session -> FormService.app(session, appKey)
                        .chain(app -> FormService.find(session, app, formKey)
                                .onItem().ifNull().failWith(FormService::formNotFound)
                                .chain(form -> session.lock(form, LockMode.PESSIMISTIC_WRITE).replaceWith(form))
                                .chain(form -> AppCatalog.load(session, app.id)
                                        .chain(catalog -> stored(session, appKey)
                                                .map(stored -> prepare(appKey, formKey, form, catalog, stored)))))
                        .call(prepared -> runChecks(session, prepared.plan().checks().stream().map(check -> Map.entry("", check)).toList(), "publish"))
                        .chain(prepared -> dryRun ? Uni.createFrom().item(result(prepared, true))
                                : apply(session, prepared, by).call(done -> tell(listeners, session, new PublishListener.FormPublished(
                                        appKey, formKey, done.version(), done.migration().size(), by, byName))))),
                        () -> new ProblemException(DesignProblem.PUBLISH_CONFLICT,
                                "Someone else published this form at the same moment; read it and publish again."))
                .call(result -> {
                    if (result.dryRun()) {
                        return Uni.createFrom().voidItem();
                    }
                    published.invalidateApp(appKey);
                    return cluster.announce(PublishedForms.FORMS, appKey);
                });
    }

    static Uni<StoredTables> stored(Mutiny.Session session, String appKey) {
        return session.createNativeQuery(StoredTables.QUERY, Object[].class).setParameter(1, SqlNames.schema(appKey))
                .getResultList().map(StoredTables::of);
    }

    private Prepared prepare(String appKey, String formKey, FormEntity form, AppCatalog catalog, StoredTables stored) {
        if (form.draft == null) {
            throw new ProblemException(DesignProblem.DRAFT_MISSING, "Save a draft before publishing.");
        }
        JsonNode draft = AppCatalog.parse(form.draft);
        FormCompilation compilation = FormCompiler.compile(draft, catalog);
        List<Problem> problems = FormService.problems(compilation, draft, formKey, catalog);
        if (problems.stream().anyMatch(Problem::isError) || compilation.form().isEmpty()) {
            throw new ProblemException(DesignProblem.DEFINITION_INVALID, "The draft has problems; nothing was published.",
                    problems.stream().map(PublishService::error).toList());
        }
        CompiledForm previous = form.currentVersion == null ? null : catalog.source(formKey)
                .flatMap(source -> FormCompiler.compile(source, catalog).form())
                .orElseThrow(() -> new IllegalStateException("The current version no longer compiles"));
        int number = form.currentVersion == null ? 1 : form.currentVersion + 1;
        MigrationPlan plan = MigrationPlanner.plan(appKey, previous, compilation.form().get(), number, stored);
        if (!plan.refusals().isEmpty()) {
            throw new ProblemException(DesignProblem.STORAGE_CONFLICT, "The form's tables cannot take this version;"
                    + " nothing was changed.", plan.refusals().stream().map(PublishService::error).toList());
        }
        return new Prepared(form, compilation.form().get(), plan, number);
    }

    /**
     * Runs data checks, each with where its form is ({@code ""} for a single publish, {@code /forms/3} in a package);
     * the rows that block any of them refuse together with 422 {@code MIGRATION_BLOCKED}.
     */
    static Uni<Void> runChecks(Mutiny.Session session, List<Map.Entry<String, DataCheck>> checks, String what) {
        return Multi.createFrom().iterable(checks)
                .onItem().transformToUniAndConcatenate(check -> blocking(session, check.getKey(), check.getValue()))
                .filter(error -> error != null)
                .collect().asList()
                .invoke(errors -> {
                    if (!errors.isEmpty()) {
                        throw new ProblemException(DesignProblem.MIGRATION_BLOCKED,
                                "Stored records block this " + what + "; nothing was changed.", errors);
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<ProblemError> blocking(Mutiny.Session session, String at, DataCheck check) {
        Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(check.sql(), Object[].class);
        for (int i = 0; i < check.params().size(); i++) {
            query.setParameter(i + 1, check.params().get(i));
        }
        return query.getResultList().map(rows -> {
            if (rows.isEmpty()) {
                return null;
            }
            List<ProblemError.BlockingRow> blockedBy = new ArrayList<>();
            for (Object[] row : rows) {
                blockedBy.add(new ProblemError.BlockingRow((String) row[0], (String) row[1]));
            }
            return new ProblemError(at + check.pointer(), check.code(), "error", check.message(), blockedBy);
        });
    }

    private Uni<Published> apply(Mutiny.Session session, Prepared prepared, UUID by) {
        Uni<Integer> applied = Uni.createFrom().item(0);
        for (MigrationStep step : prepared.plan().steps()) {
            applied = applied.chain(() -> session.createNativeQuery(step.sql()).executeUpdate());
        }
        return applied.chain(() -> {
            FormVersionEntity version = new FormVersionEntity();
            version.id = Ids.newId();
            version.formId = prepared.form().id;
            version.number = prepared.number();
            version.definition = prepared.form().draft;
            version.migration = FormService.json(prepared.plan().steps());
            version.publishedAt = Instant.now();
            version.publishedBy = by;
            prepared.form().currentVersion = prepared.number();
            return session.persist(version);
        }).call(session::flush).replaceWith(result(prepared, false));
    }

    static Uni<Void> tell(Iterable<PublishListener> listeners, Mutiny.Session session, PublishListener.FormPublished event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PublishListener listener : listeners) {
            chain = chain.chain(() -> listener.published(session, event));
        }
        return chain;
    }

    private static Published result(Prepared prepared, boolean dryRun) {
        return new Published(prepared.number(), prepared.plan().steps(), dryRun);
    }

    private static ProblemError error(Problem problem) {
        return located("", problem);
    }

    /** The problem with {@code at} in front of its pointer. */
    static ProblemError located(String at, Problem problem) {
        return new ProblemError(at + problem.pointer(), problem.code(), problem.severity().json(), problem.message(), null);
    }
}
