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
     * @param layout     the definition's layout (docs/spec.md §2) with the cells of hidden fields left out, or absent
     */
    public record StaffForm(String app, String key, Object label, int version, String titleField,
                            List<Map<String, Object>> fields, List<Map<String, Object>> rules,
                            Map<String, ReferenceTarget> references, FormCan can, List<LayoutSection> layout) {
    }

    /** A section of a form's layout: rows of cells on a 12-column grid; consecutive {@code tab} sections are tabs. */
    public record LayoutSection(Object label, Boolean tab, List<List<LayoutCell>> rows) {
    }

    public record LayoutCell(String field, Integer width) {
    }

    /**
     * A draft being designed, as staff would get it: its problems, the form as the catalog would give it, and the
     * live preview of the sample values (null while the draft has an error).
     */
    public record DraftPreview(List<Map<String, Object>> problems, StaffForm form, RecordApi.RecordPreviewView preview) {
    }

    public record ReferenceTarget(Object label, String titleField) {
    }
}
