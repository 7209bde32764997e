package dev.brickwork.runtime.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.DesignProblem;
import dev.brickwork.designer.Keys;
import dev.brickwork.designer.app.AppService;
import dev.brickwork.designer.flow.FlowDraft;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.admin.RoleDefinitions;
import dev.brickwork.templates.samples.SampleGenerators;
import dev.brickwork.templates.samples.SampleSize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a package document (docs/spec.md §3) into its parts, checking what can be checked without the database:
 * the version, the shape, keys unique within each list, roles as the role API checks them and granting only on
 * the package's own app and forms, department paths, the seed. Every problem is located in the document; the
 * forms and flows themselves are checked by their publishers, against each other.
 */
final class PackageReader {

    static final int PACKAGE_VERSION = 1;
    private static final Set<String> PROPERTIES = Set.of("packageVersion", "app", "forms", "flows", "roles", "departments", "seed");
    private static final int MAX_DEPARTMENT_NAME = 100;

    private final List<ProblemError> errors = new ArrayList<>();

    private PackageReader() {
    }

    /** @throws ProblemException 422 {@code PACKAGE_INVALID} with every problem found */
    static PackageDocument read(JsonNode document) {
        PackageReader reader = new PackageReader();
        PackageDocument read = reader.document(document);
        if (!reader.errors.isEmpty()) {
            throw new ProblemException(DesignProblem.PACKAGE_INVALID, "The package has problems; nothing was installed.",
                    reader.errors);
        }
        return read;
    }

    private PackageDocument document(JsonNode document) {
        if (!document.isObject()) {
            errors.add(ProblemError.of("", "PACKAGE_NOT_OBJECT", "A package is a JSON object."));
            return null;
        }
        for (Iterator<String> names = document.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PROPERTIES.contains(name)) {
                errors.add(ProblemError.of("/" + escape(name), "PROPERTY_UNKNOWN",
                        "A package has packageVersion, app, forms, flows, roles, departments and seed."));
            }
        }
        JsonNode version = document.path("packageVersion");
        if (!version.isInt() || version.asInt() != PACKAGE_VERSION) {
            errors.add(ProblemError.of("/packageVersion", "PACKAGE_VERSION_UNSUPPORTED",
                    "This server reads packageVersion " + PACKAGE_VERSION + "."));
        }
        JsonNode app = document.path("app");
        String appKey = app(app);
        LinkedHashMap<String, String> formPointers = new LinkedHashMap<>();
        LinkedHashMap<String, JsonNode> forms = keyed(document.path("forms"), "/forms", formPointers);
        LinkedHashMap<String, String> flowPointers = new LinkedHashMap<>();
        LinkedHashMap<String, FlowDraft> flows = new LinkedHashMap<>();
        LinkedHashMap<String, JsonNode> flowJson = keyed(document.path("flows"), "/flows", flowPointers);
        flowJson.forEach((key, json) -> flows.put(key, flow(json)));
        LinkedHashMap<String, String> rolePointers = new LinkedHashMap<>();
        LinkedHashMap<String, ObjectNode> roles = new LinkedHashMap<>();
        keyed(document.path("roles"), "/roles", rolePointers).forEach((key, json) -> {
            ObjectNode role = role(key, json, rolePointers.get(key), appKey, forms.keySet());
            if (role != null) {
                roles.put(key, role);
            }
        });
        List<String> departments = departments(document.path("departments"));
        JsonNode seed = seed(document.get("seed"));
        return new PackageDocument(appKey, app.path("label"), app.path("version").asText("0.0.0"), forms, formPointers,
                flows, flowJson, flowPointers, roles, rolePointers, departments, seed);
    }

    private String app(JsonNode app) {
        if (!app.isObject()) {
            errors.add(ProblemError.of("/app", "PROPERTY_REQUIRED", "A package names its app: {\"key\", \"label\", \"version\"}."));
            return null;
        }
        ObjectNode keyAndLabel = JsonNodeFactory.instance.objectNode();
        app.fields().forEachRemaining(entry -> {
            if (!entry.getKey().equals("version")) {
                keyAndLabel.set(entry.getKey(), entry.getValue());
            }
        });
        AppService.problems(keyAndLabel).forEach(error -> errors.add(under("/app", error)));
        JsonNode version = app.get("version");
        if (version != null && (!version.isTextual() || !version.asText().matches("\\d{1,6}(\\.\\d{1,6}){0,2}"))) {
            errors.add(ProblemError.of("/app/version", "PACKAGE_APP_VERSION_INVALID",
                    "An app's version is like 1.2.0 (up to three numbers)."));
        }
        JsonNode key = app.path("key");
        return key.isTextual() && Keys.valid(key.asText()) ? key.asText() : null;
    }

    /** The list's objects by their key, in order; a missing list is empty. */
    private LinkedHashMap<String, JsonNode> keyed(JsonNode list, String at, Map<String, String> pointers) {
        LinkedHashMap<String, JsonNode> byKey = new LinkedHashMap<>();
        if (list.isMissingNode()) {
            return byKey;
        }
        if (!list.isArray()) {
            errors.add(ProblemError.of(at, "PROPERTY_TYPE", "This is a list."));
            return byKey;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String pointer = at + "/" + i;
            JsonNode key = item.path("key");
            if (!item.isObject()) {
                errors.add(ProblemError.of(pointer, "PROPERTY_TYPE", "Each entry is an object with a key."));
            } else if (!key.isTextual() || !Keys.valid(key.asText())) {
                errors.add(ProblemError.of(pointer + "/key", "KEY_INVALID",
                        "A key starts with a-z and has up to 40 of a-z, 0-9 and _."));
            } else if (byKey.containsKey(key.asText())) {
                errors.add(ProblemError.of(pointer + "/key", "PACKAGE_DUPLICATE_KEY",
                        "An entry above has this key (" + pointers.get(key.asText()) + ")."));
            } else {
                byKey.put(key.asText(), item);
                pointers.put(key.asText(), pointer);
            }
        }
        return byKey;
    }

    /** A designed flow, or {@code {"key", "form", "trigger", "bpmn"}} for an uploaded BPMN. */
    static FlowDraft flow(JsonNode json) {
        JsonNode bpmn = json.get("bpmn");
        if (bpmn != null && bpmn.isTextual()) {
            return new FlowDraft.Uploaded(bpmn.asText().getBytes(StandardCharsets.UTF_8),
                    FlowDraft.Binding.of(json.path("form").asText(null), json.get("trigger")));
        }
        return new FlowDraft.Designed(json);
    }

    private ObjectNode role(String key, JsonNode json, String at, String appKey, Set<String> forms) {
        RoleDefinitions.Result result = RoleDefinitions.validate(key, json);
        result.errors().forEach(error -> errors.add(under(at, error)));
        if (result.role() == null) {
            return null;
        }
        JsonNode permissions = result.role().path("permissions");
        for (int i = 0; i < permissions.size(); i++) {
            JsonNode permission = permissions.get(i);
            if (appKey != null && !appKey.equals(permission.path("app").asText())) {
                errors.add(ProblemError.of(at + "/permissions/" + i + "/app", "PACKAGE_FOREIGN_APP",
                        "A package's roles grant only on the package's own app."));
            } else if (!forms.contains(permission.path("form").asText())) {
                errors.add(ProblemError.of(at + "/permissions/" + i + "/form", "PACKAGE_UNKNOWN_FORM",
                        "The package has no form with this key."));
            }
        }
        return result.errors().isEmpty() ? result.role() : null;
    }

    private List<String> departments(JsonNode list) {
        Set<String> paths = new LinkedHashSet<>();
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray()) {
            errors.add(ProblemError.of("/departments", "PROPERTY_TYPE", "This is a list of {\"path\"}."));
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "/departments/" + i + "/path";
            JsonNode path = list.get(i).path("path");
            if (!path.isTextual() || !validPath(path.asText())) {
                errors.add(ProblemError.of(at, "DEPARTMENT_PATH_INVALID", "A path is names separated by '/', as 总部/销售部/华东;"
                        + " each name 1 to " + MAX_DEPARTMENT_NAME + " characters."));
            } else if (!paths.add(path.asText())) {
                errors.add(ProblemError.of(at, "PACKAGE_DUPLICATE_KEY", "An entry above has this path."));
            }
        }
        return List.copyOf(paths);
    }

    private static boolean validPath(String path) {
        for (String name : path.split("/", -1)) {
            if (name.isBlank() || name.length() > MAX_DEPARTMENT_NAME || !name.strip().equals(name)) {
                return false;
            }
        }
        return true;
    }

    private JsonNode seed(JsonNode seed) {
        if (seed == null || seed.isNull()) {
            return null;
        }
        if (!seed.isObject()) {
            errors.add(ProblemError.of("/seed", "PROPERTY_TYPE", "seed is {\"generator\", \"size\"}."));
            return null;
        }
        if (!SampleGenerators.names().contains(seed.path("generator").asText())) {
            errors.add(ProblemError.of("/seed/generator", "SEED_GENERATOR_UNKNOWN",
                    "Known generators: " + String.join(", ", SampleGenerators.names()) + "."));
        }
        JsonNode size = seed.get("size");
        if (size != null && (!size.isTextual() || SampleSize.fromJson(size.asText()).isEmpty())) {
            errors.add(ProblemError.of("/seed/size", "SEED_SIZE_UNKNOWN", "size is small, medium or large."));
        }
        return seed;
    }

    static ProblemError under(String at, ProblemError error) {
        return new ProblemError(at + error.pointer(), error.code(), error.severity(), error.message(), error.blockedBy());
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
