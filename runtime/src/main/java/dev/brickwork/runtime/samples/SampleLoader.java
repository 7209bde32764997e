package dev.brickwork.runtime.samples;

import dev.brickwork.runtime.admin.Actor;
import dev.brickwork.runtime.records.RecordCommands;
import dev.brickwork.templates.samples.SampleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;

/**
 * Loads a generated data set through the platform: its users and departments with the admin commands, then every
 * record with the records API's commands, never by writing tables. Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class SampleLoader {

    /** The password every sample user gets; it must pass the password rules of {@code POST /admin/users}. */
    @ConfigProperty(name = "brickwork.samples.password", defaultValue = "demo-1234")
    String password;

    /** How many groups of records are written at once. */
    @ConfigProperty(name = "brickwork.samples.parallelism", defaultValue = "4")
    int parallelism;

    @Inject
    SamplePeople people;

    @Inject
    RecordCommands commands;

    /**
     * @param by     the administrator the load is done for: the audit log names them for the users and departments,
     *               and records the set gives no owner are theirs
     * @param job    counts what was written
     */
    public void load(SampleSet set, String app, UUID by, String byName, SampleJob job) {
        Actor actor = new Actor(by, byName, null);
        SamplePeople.Company company = people.create(set.users(), password, actor, job::userCreated);
        new SampleWrites(commands, app, company, new SamplePeople.Person(by, byName), job)
                .run(set.groupStream(), Math.max(1, parallelism));
    }
}
