package dev.brickwork.designer.migration;

import java.util.List;

/** What publishing a version does to the tables: the checks that must find nothing, then the steps in order. */
public record MigrationPlan(List<DataCheck> checks, List<MigrationStep> steps) {

    public MigrationPlan {
        checks = List.copyOf(checks);
        steps = List.copyOf(steps);
    }
}
