package dev.brickwork.designer.form;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/** A published version of a form: immutable once written. */
@Entity
@Table(name = "form_versions", schema = "brickwork")
public class FormVersionEntity {

    @Id
    public UUID id;

    @Column(name = "form_id", nullable = false, updatable = false)
    public UUID formId;

    @Column(nullable = false, updatable = false)
    public int number;

    @Column(columnDefinition = "jsonb", nullable = false, updatable = false)
    @ColumnTransformer(read = "definition::text", write = "?::text::jsonb")
    public String definition;

    /** The migration steps this publish applied, as a JSON array. */
    @Column(columnDefinition = "jsonb", nullable = false, updatable = false)
    @ColumnTransformer(read = "migration::text", write = "?::text::jsonb")
    public String migration;

    @Column(name = "published_at", nullable = false, updatable = false)
    public Instant publishedAt;

    @Column(name = "published_by", updatable = false)
    public UUID publishedBy;
}
