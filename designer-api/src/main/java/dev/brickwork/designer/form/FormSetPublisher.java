package dev.brickwork.designer.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.DesignProblem;
import dev.brickwork.designer.app.AppEntity;
import dev.brickwork.designer.migration.DataCheck;
import dev.brickwork.designer.migration.MigrationPlan;
import dev.brickwork.designer.migration.MigrationPlanner;
import dev.brickwork.designer.migration.MigrationStep;
import dev.brickwork.designer.migration.StoredTables;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.compile.FormCompilation;
import dev.brickwork.forms.compile.FormCompiler;
import dev.brickwork.platform.Ids;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes several forms of one app together, inside the caller's transaction (a package install). Each form is
 * compiled against the app's published forms with every form of the set in place, so forms of the set may point at
 * each other in circles (a customer's primary contact, a contact's customer); the migrations of all of them run as
 * one: schemas and tables first, then columns, then indexes and foreign keys, so a reference always finds its table.
 * Otherwise it is the single-form publish: the same compiler checks, planner, data checks, versions and listeners.
 */
@ApplicationScoped
public class FormSetPublisher {

    @Inject
    Instance<PublishListener> listeners;

    /**
     * What became of one form of the set.
     *
     * @param action    {@code create}, {@code upgrade} or {@code unchanged}
     * @param version   the version it has (or would have) afterwards
     * @param migration the steps its migration runs
     * @param warnings  the compiler's warnings
     */
    public record Outcome(String formKey, String action, int version, List<MigrationStep> migration, List<Problem> warnings) {
    }

    private record Planned(String formKey, JsonNode definition, FormEntity form, CompiledForm next, MigrationPlan plan,
                           int number, List<Problem> warnings) {
    }

    /**
     * @param definitions the forms by key, in the order the answer lists them
     * @param pointers    where each form is in the caller's document ({@code /forms/3}), to locate its problems
     * @param dryRun      check, plan and run the data checks, store the versions (for flows of the set to be checked
     *                    against) but run no DDL and tell no listener: the caller rolls its transaction back
     * @throws ProblemException (as a failed Uni) 422 {@code PACKAGE_INVALID} with every problem of every form, located
     */
    public Uni<List<Outcome>> publish(Mutiny.Session session, AppEntity app, LinkedHashMap<String, JsonNode> definitions,
                                      Map<String, String> pointers, boolean dryRun, UUID by, String byName) {
        return AppCatalog.load(session, app.id)
                .chain(published -> PublishService.stored(session, app.appKey)
                        .chain(stored -> forms(session, app)
                                .map(rows -> plan(app.appKey, definitions, pointers, rows, published, stored))))
                .call(planned -> runChecks(session, planned, pointers))
                .chain(planned -> {
                    // read before apply() marks the new forms as published
                    List<Outcome> outcomes = outcomes(planned);
                    return apply(session, app, planned, dryRun, by, byName).replaceWith(outcomes);
                });
    }

    /** The app's form rows, locked: a publish of one of them meanwhile waits, then finds the row changed. */
    private static Uni<Map<String, FormEntity>> forms(Mutiny.Session session, AppEntity app) {
        return session.createSelectionQuery("from FormEntity where appId = :app", FormEntity.class)
                .setParameter("app", app.id).setLockMode(LockMode.PESSIMISTIC_WRITE).getResultList()
                .map(rows -> {
                    Map<String, FormEntity> byKey = new LinkedHashMap<>();
                    rows.forEach(row -> byKey.put(row.formKey, row));
                    return byKey;
                });
    }

    private static List<Planned> plan(String appKey, LinkedHashMap<String, JsonNode> definitions, Map<String, String> pointers,
                                      Map<String, FormEntity> rows, AppCatalog published, StoredTables stored) {
        AppCatalog catalog = published.with(definitions);
        List<ProblemError> errors = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : definitions.entrySet()) {
            String key = entry.getKey();
            JsonNode definition = entry.getValue();
            FormEntity form = rows.get(key);
            boolean current = form != null && form.currentVersion != null;
            if (current && published.source(key).map(definition::equals).orElse(false)) {
                planned.add(new Planned(key, definition, form, null, null, form.currentVersion, List.of()));
                continue;
            }
            FormCompilation compilation = FormCompiler.compile(definition, catalog);
            List<Problem> problems = FormService.problems(compilation, definition, key, catalog);
            String at = pointers.getOrDefault(key, "");
            problems.stream().filter(Problem::isError).forEach(problem -> errors.add(PublishService.located(at, problem)));
            if (compilation.form().isEmpty() || problems.stream().anyMatch(Problem::isError)) {
                continue;
            }
            CompiledForm previous = current ? published.source(key)
                    .flatMap(source -> FormCompiler.compile(source, published).form())
                    .orElseThrow(() -> new IllegalStateException("The current version no longer compiles")) : null;
            int number = current ? form.currentVersion + 1 : 1;
            MigrationPlan plan = MigrationPlanner.plan(appKey, previous, compilation.form().get(), number, stored);
            plan.refusals().forEach(problem -> errors.add(PublishService.located(at, problem)));
            planned.add(new Planned(key, definition, form, compilation.form().get(), plan, number,
                    problems.stream().filter(problem -> !problem.isError()).toList()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(DesignProblem.PACKAGE_INVALID, "The package has problems; nothing was installed.", errors);
        }
        return planned;
    }

    /** Every form's data checks; all the rows that block any of them refuse together, located at the form's place. */
    private static Uni<Void> runChecks(Mutiny.Session session, List<Planned> planned, Map<String, String> pointers) {
        List<Map.Entry<String, DataCheck>> checks = new ArrayList<>();
        for (Planned form : planned) {
            if (form.plan() != null) {
                form.plan().checks().forEach(check -> checks.add(Map.entry(pointers.getOrDefault(form.formKey(), ""), check)));
            }
        }
        return PublishService.runChecks(session, checks, "install");
    }

    private Uni<Void> apply(Mutiny.Session session, AppEntity app, List<Planned> planned, boolean dryRun, UUID by,
                            String byName) {
        Uni<Integer> applied = Uni.createFrom().item(0);
        for (MigrationStep step : dryRun ? List.<MigrationStep>of() : ordered(planned)) {
            applied = applied.chain(() -> session.createNativeQuery(step.sql()).executeUpdate());
        }
        Uni<Void> stored = applied.replaceWithVoid();
        for (Planned form : planned) {
            if (form.plan() != null) {
                stored = stored.chain(() -> store(session, app, form, by))
                        .chain(() -> dryRun ? Uni.createFrom().voidItem() : PublishService.tell(listeners, session, new PublishListener.FormPublished(app.appKey, form.formKey(),
                                form.number(), form.plan().steps().size(), by, byName)));
            }
        }
        return stored.call(session::flush);
    }

    /**
     * Every form's steps in one order that lets forms of the set point at each other: a step keeps its place among
     * those of its kind, and kinds run schemas, tables, drops and set-asides, columns, then indexes and constraints.
     */
    static List<MigrationStep> ordered(List<Planned> planned) {
        List<MigrationStep> steps = new ArrayList<>();
        planned.stream().filter(form -> form.plan() != null).forEach(form -> steps.addAll(form.plan().steps()));
        steps.sort(Comparator.comparingInt(FormSetPublisher::phase));
        return steps;
    }

    private static int phase(MigrationStep step) {
        return switch (step.action()) {
            case "CREATE_SCHEMA" -> 0;
            case "CREATE_TABLE" -> 1;
            case "DROP_CONSTRAINT", "DROP_INDEX" -> 2;
            case "CREATE_INDEX", "ADD_CONSTRAINT" -> 4;
            default -> 3;
        };
    }

    private static Uni<Void> store(Mutiny.Session session, AppEntity app, Planned planned, UUID by) {
        FormEntity entity = planned.form() != null ? planned.form() : new FormEntity();
        if (planned.form() == null) {
            entity.id = Ids.newId();
            entity.appId = app.id;
            entity.formKey = planned.formKey();
        }
        entity.draft = planned.definition().toString();
        entity.draftProblems = FormService.json(planned.warnings());
        entity.draftSavedAt = Instant.now();
        entity.draftSavedBy = by;
        entity.currentVersion = planned.number();
        FormVersionEntity version = new FormVersionEntity();
        version.id = Ids.newId();
        version.formId = entity.id;
        version.number = planned.number();
        version.definition = entity.draft;
        version.migration = FormService.json(planned.plan().steps());
        version.publishedAt = Instant.now();
        version.publishedBy = by;
        Uni<Void> row = planned.form() != null ? Uni.createFrom().voidItem() : session.persist(entity);
        return row.chain(() -> session.persist(version));
    }

    private static List<Outcome> outcomes(List<Planned> planned) {
        return planned.stream().map(form -> form.plan() == null
                ? new Outcome(form.formKey(), "unchanged", form.number(), List.of(), List.of())
                : new Outcome(form.formKey(), form.form() == null || form.form().currentVersion == null ? "create" : "upgrade",
                        form.number(), form.plan().steps(), form.warnings())).toList();
    }

    /** The app's published definitions by form key, in key order: what a package export holds. */
    public static Uni<Map<String, JsonNode>> exported(Mutiny.Session session, AppEntity app) {
        return AppCatalog.load(session, app.id).map(catalog -> {
            Map<String, JsonNode> sorted = new java.util.TreeMap<>();
            catalog.keys().forEach(key -> sorted.put(key, catalog.source(key).orElseThrow()));
            return sorted;
        });
    }
}
