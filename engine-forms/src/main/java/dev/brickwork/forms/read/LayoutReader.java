package dev.brickwork.forms.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.FieldDefinition;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a form's {@code layout} (docs/spec.md §2 addition, decision 0032): sections (optionally shown as tabs) of
 * rows on a 12-column grid, each cell a top-level field with its width. Layout is presentation only: it changes
 * neither storage nor validation, and a field it does not place is shown after the placed ones, full width.
 */
final class LayoutReader {

    static final int COLUMNS = 12;
    private static final int MAX_SECTIONS = 50;
    private static final Set<String> SECTION = Set.of("label", "tab", "rows");
    private static final Set<String> CELL = Set.of("field", "width");

    private LayoutReader() {
    }

    static void check(Props form, List<FieldDefinition> fields, Set<String> seenKeys) {
        JsonNode sections = form.array("layout", false);
        if (sections == null) {
            return;
        }
        if (sections.size() > MAX_SECTIONS) {
            form.error("layout", DefinitionCodes.PROPERTY_VALUE_INVALID, "A layout has at most " + MAX_SECTIONS + " sections");
            return;
        }
        Set<String> topLevel = new HashSet<>();
        fields.forEach(f -> topLevel.add(f.key()));
        Set<String> placed = new HashSet<>();
        for (int s = 0; s < sections.size(); s++) {
            String at = form.pointer("layout") + "/" + s;
            if (!sections.get(s).isObject()) {
                form.problems().add(Problem.error(at, DefinitionCodes.PROPERTY_TYPE, "A section is an object"));
                continue;
            }
            Props section = new Props(sections.get(s), at, form.problems());
            section.allowOnly(SECTION, "a layout section");
            section.label("label");
            section.bool("tab");
            JsonNode rows = section.array("rows", true);
            if (rows != null) {
                rows(section, rows, topLevel, seenKeys, placed);
            }
        }
    }

    private static void rows(Props section, JsonNode rows, Set<String> topLevel, Set<String> seenKeys, Set<String> placed) {
        for (int r = 0; r < rows.size(); r++) {
            String rowAt = section.pointer("rows") + "/" + r;
            JsonNode row = rows.get(r);
            if (!row.isArray() || row.isEmpty()) {
                section.problems().add(Problem.error(rowAt, DefinitionCodes.PROPERTY_TYPE,
                        "A row is a non-empty array of cells"));
                continue;
            }
            int width = 0;
            for (int c = 0; c < row.size(); c++) {
                width += cell(new Props(row.get(c), rowAt + "/" + c, section.problems()), row.get(c), topLevel, seenKeys, placed);
            }
            if (width > COLUMNS) {
                section.problems().add(Problem.error(rowAt, DefinitionCodes.LAYOUT_ROW_TOO_WIDE,
                        "The cells of a row are at most " + COLUMNS + " columns wide together, not " + width));
            }
        }
    }

    /** One cell: its width, counted even when its field is wrong, so a too-wide row is reported once. */
    private static int cell(Props cell, JsonNode node, Set<String> topLevel, Set<String> seenKeys, Set<String> placed) {
        if (!node.isObject()) {
            cell.problems().add(Problem.error(cell.pointer(), DefinitionCodes.PROPERTY_TYPE,
                    "A cell is an object with 'field' and 'width'"));
            return 0;
        }
        cell.allowOnly(CELL, "a layout cell");
        String key = cell.string("field", true);
        if (key != null) {
            if (!topLevel.contains(key)) {
                if (!seenKeys.contains(key)) {
                    cell.error("field", DefinitionCodes.LAYOUT_FIELD_UNKNOWN, "No top-level field has this key");
                }
            } else if (!placed.add(key)) {
                cell.error("field", DefinitionCodes.LAYOUT_FIELD_REPEATED, "A field is placed once in the layout");
            }
        }
        Integer width = cell.integer("width", 1, COLUMNS);
        return width == null ? COLUMNS : width;
    }
}
