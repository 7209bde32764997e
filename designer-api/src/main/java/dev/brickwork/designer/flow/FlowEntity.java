package dev.brickwork.designer.flow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/**
 * A flow of an app: its working draft (saved even when unfinished) and which published version is current. The draft
 * is either a designed flow ({@link #draft}) or an uploaded BPMN ({@link #draftBpmn}) bound to a form and a trigger.
 */
@Entity
@Table(name = "flows", schema = "brickwork")
public class FlowEntity {

    @Id
    public UUID id;

    @Column(name = "app_id", nullable = false, updatable = false)
    public UUID appId;

    @Column(name = "flow_key", nullable = false, updatable = false)
    public String flowKey;

    /** A designed flow (docs/spec.md §5) as JSON; null when the draft is an upload. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(read = "draft::text", write = "?::text::jsonb")
    public String draft;

    /** An uploaded BPMN; null when the draft is designed. */
    @Column(name = "draft_bpmn")
    public String draftBpmn;

    /** The form the draft names (a designed flow's {@code form}, an upload's {@code form} parameter) when it is a key. */
    @Column(name = "draft_form")
    public String draftForm;

    /** An upload's trigger as given, {@code {"on", "when"}}; null for a designed flow, whose trigger is in its JSON. */
    @Column(name = "draft_trigger", columnDefinition = "jsonb")
    @ColumnTransformer(read = "draft_trigger::text", write = "?::text::jsonb")
    public String draftTrigger;

    /** The problems found when the draft was saved, as a JSON array. */
    @Column(name = "draft_problems", columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(read = "draft_problems::text", write = "?::text::jsonb")
    public String draftProblems;

    @Column(name = "draft_saved_at")
    public Instant draftSavedAt;

    @Column(name = "draft_saved_by")
    public UUID draftSavedBy;

    /** The published version new flow instances start on; null until the first publish. */
    @Column(name = "current_version")
    public Integer currentVersion;

    @Version
    public int version;
}
