package dev.brickwork.templates.samples;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A generated data set: the users, then the records in groups. A group's writes go in order; groups may be loaded at
 * the same time. A record refers only to records of earlier groups or earlier in its own group, so a loader working
 * on several groups at once waits, at worst, for a group that started before.
 *
 * @param groups a fresh, lazy run of the generator each call: the same groups every time (the data is a function of
 *               the seed), and never all in memory at once
 */
public record SampleSet(String generator, SampleSize size, long seed, List<SampleUser> users,
                        Supplier<Stream<List<SampleRecord>>> groups) {

    public SampleSet {
        users = List.copyOf(users);
    }

    public Stream<List<SampleRecord>> groupStream() {
        return groups.get();
    }

    /** Every write in order (tests, small sizes). */
    public Stream<SampleRecord> records() {
        return groups.get().flatMap(List::stream);
    }
}
