package dev.brickwork.designer.flow;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;

/**
 * A flow as an app lists it.
 *
 * @param form           the form its current version runs on, or before the first publish the one its draft names
 * @param currentVersion null until the first publish
 */
public record FlowSummary(String key, String form, Integer currentVersion) {

    /** The app's flows by key. */
    public static Uni<List<FlowSummary>> of(Mutiny.Session session, UUID appId) {
        return session.createSelectionQuery("select f.flowKey, coalesce(v.formKey, f.draftForm), f.currentVersion"
                        + " from FlowEntity f left join FlowVersionEntity v on v.flowId = f.id and v.number = f.currentVersion"
                        + " where f.appId = :app order by f.flowKey", Object[].class)
                .setParameter("app", appId).getResultList()
                .map(rows -> rows.stream().map(row -> new FlowSummary((String) row[0], (String) row[1], (Integer) row[2]))
                        .toList());
    }
}
