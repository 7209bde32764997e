package dev.brickwork.testing;

import dev.brickwork.designer.form.PublishListener;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A publish listener that keeps what it is told, as the runtime's audit would write it. */
@ApplicationScoped
public class RecordedPublishes implements PublishListener {

    private final List<FlowPublished> flows = new CopyOnWriteArrayList<>();
    private final List<SetAsidePurged> purges = new CopyOnWriteArrayList<>();

    @Override
    public Uni<Void> published(Mutiny.Session session, FormPublished event) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> flowPublished(Mutiny.Session session, FlowPublished event) {
        flows.add(event);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> setAsidePurged(Mutiny.Session session, SetAsidePurged event) {
        purges.add(event);
        return Uni.createFrom().voidItem();
    }

    public List<SetAsidePurged> purges(String appKey) {
        return purges.stream().filter(event -> event.appKey().equals(appKey)).toList();
    }

    public List<FlowPublished> flows(String appKey) {
        return flows.stream().filter(event -> event.appKey().equals(appKey)).toList();
    }
}
