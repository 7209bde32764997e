package dev.brickwork.designer.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/** An app: a namespace of forms, flows and reports, stored in its own database schema. */
@Entity
@Table(name = "apps", schema = "brickwork")
public class AppEntity {

    @Id
    public UUID id;

    @Column(name = "app_key", nullable = false, updatable = false)
    public String appKey;

    /** The label as JSON (a string or a per-language object). */
    @Column(columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(read = "label::text", write = "?::text::jsonb")
    public String label;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;

    @Version
    public int version;
}
