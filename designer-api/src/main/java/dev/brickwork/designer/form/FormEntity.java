package dev.brickwork.designer.form;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/** A form of an app: its working draft (saved even when unfinished) and which published version is current. */
@Entity
@Table(name = "forms", schema = "brickwork")
public class FormEntity {

    @Id
    public UUID id;

    @Column(name = "app_id", nullable = false, updatable = false)
    public UUID appId;

    @Column(name = "form_key", nullable = false, updatable = false)
    public String formKey;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(read = "draft::text", write = "?::text::jsonb")
    public String draft;

    /** The problems found when the draft was saved, as a JSON array. */
    @Column(name = "draft_problems", columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(read = "draft_problems::text", write = "?::text::jsonb")
    public String draftProblems;

    @Column(name = "draft_saved_at")
    public Instant draftSavedAt;

    @Column(name = "draft_saved_by")
    public UUID draftSavedBy;

    /** The published version records are read and written with; null until the first publish. */
    @Column(name = "current_version")
    public Integer currentVersion;

    @Version
    public int version;
}
