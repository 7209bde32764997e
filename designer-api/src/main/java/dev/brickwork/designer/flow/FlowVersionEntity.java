package dev.brickwork.designer.flow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/** A published version of a flow, deployed to the BPMN engine: immutable once written. */
@Entity
@Table(name = "flow_versions", schema = "brickwork")
public class FlowVersionEntity {

    @Id
    public UUID id;

    @Column(name = "flow_id", nullable = false, updatable = false)
    public UUID flowId;

    @Column(nullable = false, updatable = false)
    public int number;

    /** The form whose records this version runs on. */
    @Column(name = "form_key", nullable = false, updatable = false)
    public String formKey;

    /** When it starts, {@code {"on", "when"}}. */
    @Column(columnDefinition = "jsonb", nullable = false, updatable = false)
    @ColumnTransformer(read = "trigger::text", write = "?::text::jsonb")
    public String trigger;

    /** The designed flow; null for an uploaded BPMN. */
    @Column(columnDefinition = "jsonb", updatable = false)
    @ColumnTransformer(read = "definition::text", write = "?::text::jsonb")
    public String definition;

    @Column(nullable = false, updatable = false)
    public String bpmn;

    /** The {@code FlowPlan} the runtime runs this version with, as {@code FlowPlanJson} wrote it. */
    @Column(columnDefinition = "jsonb", nullable = false, updatable = false)
    @ColumnTransformer(read = "plan::text", write = "?::text::jsonb")
    public String plan;

    @Column(name = "deployment_id", nullable = false, updatable = false)
    public String deploymentId;

    @Column(name = "process_definition_id", nullable = false, updatable = false)
    public String processDefinitionId;

    @Column(name = "published_at", nullable = false, updatable = false)
    public Instant publishedAt;

    @Column(name = "published_by", updatable = false)
    public UUID publishedBy;
}
