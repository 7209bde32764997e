package dev.brickwork.designer.migration;

import dev.brickwork.forms.Problem;

import java.util.List;

/**
 * What publishing a version does to the tables: the checks that must find nothing, then the steps in order.
 *
 * @param refusals what the tables cannot take (a column limit, a name already taken): any refuses the publish before
 *                 a step runs
 */
public record MigrationPlan(List<DataCheck> checks, List<MigrationStep> steps, List<Problem> refusals) {

    public MigrationPlan {
        checks = List.copyOf(checks);
        steps = List.copyOf(steps);
        refusals = List.copyOf(refusals);
    }
}
