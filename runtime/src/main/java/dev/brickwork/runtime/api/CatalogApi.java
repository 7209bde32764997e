package dev.brickwork.runtime.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The shapes of what staff may open: apps, forms and a form's definition as the caller may use it. */
public final class CatalogApi {

    private CatalogApi() {
    }

    public record AppList(List<StaffApp> items) {
    }

    /** @param label a text or a per-language object */
    public record StaffApp(String key, Object label, List<FormEntry> forms) {
    }

    public record FormEntry(String key, Object label, FormCan can) {
    }

    /** What the caller's roles allow on the form at all (a record's own row scope: its {@code meta.can}). */
    public record FormCan(boolean create, boolean read, boolean update, boolean delete,
                          @Schema(name = "import") boolean importing, boolean export,
                          @Schema(description = "May publish saved views shared with everyone who reads the form") boolean share) {
    }

    /**
     * @param fields     the definition's fields the caller may see, in order, each as in docs/spec.md §2, plus
     *                   {@code readOnly: true} where their roles forbid writing it
     * @param rules      validation rules (key, field, message) and duplicate rules (key, fields, action) over what
     *                   they see; expressions are evaluated by {@code …/records/preview}
     * @param references per reference target: its label and title field
     */
    public record StaffForm(String app, String key, Object label, int version, String titleField,
                            List<Map<String, Object>> fields, List<Map<String, Object>> rules,
                            Map<String, ReferenceTarget> references, FormCan can) {
    }

    public record ReferenceTarget(Object label, String titleField) {
    }
}
