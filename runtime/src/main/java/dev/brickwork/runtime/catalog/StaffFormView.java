package dev.brickwork.runtime.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.form.PublishedForms.PublishedForm;
import dev.brickwork.runtime.access.Action;
import dev.brickwork.runtime.access.FormAccess;
import dev.brickwork.runtime.access.Scope;

import java.util.Map;
import java.util.Set;

/**
 * A published form as one caller may use it (docs/spec.md §4 addition): the stored definition with the fields their
 * roles hide left out, the ones they may not write marked {@code readOnly}, rules that only read what they see, the
 * actions their roles allow, and for each reference the target's label and title field (what a picker searches).
 */
final class StaffFormView {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StaffFormView() {
    }

    static ObjectNode of(String appKey, PublishedForm form, FormAccess access, Map<String, PublishedForm> appForms) {
        JsonNode source = form.source();
        Set<String> hidden = access.hidden();
        Set<String> readOnly = access.readOnly();
        ObjectNode view = JSON.objectNode();
        view.put("app", appKey);
        view.put("key", source.path("key").asText());
        view.set("label", source.path("label"));
        view.put("version", form.version());
        String title = source.path("titleField").asText(null);
        view.put("titleField", title != null && !hidden.contains(title) ? title : null);
        ArrayNode fields = view.putArray("fields");
        ObjectNode references = JSON.objectNode();
        for (JsonNode field : source.path("fields")) {
            String key = field.path("key").asText();
            if (hidden.contains(key)) {
                continue;
            }
            ObjectNode shown = field.deepCopy();
            if (readOnly.contains(key)) {
                shown.put("readOnly", true);
            }
            fields.add(shown);
            referenceOf(field, appForms, references);
            for (JsonNode column : field.path("fields")) {
                referenceOf(column, appForms, references);
            }
        }
        if (source.has("layout")) {
            view.set("layout", layout(source.path("layout"), hidden));
        }
        view.set("rules", rules(source.path("rules"), hidden));
        view.set("references", references);
        view.set("can", can(access));
        return view;
    }

    /** The actions the caller's roles allow on the form at all; a record's own row scope is in its {@code meta.can}. */
    static ObjectNode can(FormAccess access) {
        ObjectNode can = JSON.objectNode();
        for (Action action : Action.values()) {
            can.put(action.json(), access.scope(action) != Scope.NONE);
        }
        return can;
    }

    private static void referenceOf(JsonNode field, Map<String, PublishedForm> appForms, ObjectNode references) {
        if (!"reference".equals(field.path("type").asText())) {
            return;
        }
        String target = field.path("target").asText();
        PublishedForm targetForm = appForms.get(target);
        if (targetForm == null || references.has(target)) {
            return;
        }
        references.putObject(target).set("label", targetForm.source().path("label"));
        references.with(target).put("titleField", targetForm.source().path("titleField").asText(null));
    }

    /** The layout without the cells of fields the caller may not see; a row left empty goes too. */
    private static ArrayNode layout(JsonNode sections, Set<String> hidden) {
        ArrayNode kept = sections.deepCopy();
        for (JsonNode section : kept) {
            ArrayNode rows = (ArrayNode) section.path("rows");
            for (int r = rows.size() - 1; r >= 0; r--) {
                ArrayNode row = (ArrayNode) rows.get(r);
                for (int c = row.size() - 1; c >= 0; c--) {
                    if (hidden.contains(row.get(c).path("field").asText())) {
                        row.remove(c);
                    }
                }
                if (row.isEmpty()) {
                    rows.remove(r);
                }
            }
        }
        return kept;
    }

    /** Rules whose fields the caller sees: a validation rule on a hidden field, or a duplicate rule comparing one, is left out. */
    private static ArrayNode rules(JsonNode rules, Set<String> hidden) {
        ArrayNode kept = JSON.arrayNode();
        for (JsonNode rule : rules) {
            boolean readsHidden = hidden.contains(rule.path("field").asText(""));
            for (JsonNode compared : rule.path("fields")) {
                readsHidden |= hidden.contains(compared.asText());
            }
            if (!readsHidden) {
                ObjectNode shown = JSON.objectNode();
                shown.put("type", rule.path("type").asText());
                shown.put("key", rule.path("key").asText());
                copy(rule, shown, "field", "message", "fields", "action");
                kept.add(shown);
            }
        }
        return kept;
    }

    private static void copy(JsonNode from, ObjectNode to, String... keys) {
        for (String key : keys) {
            if (from.has(key)) {
                to.set(key, from.get(key));
            }
        }
    }
}
