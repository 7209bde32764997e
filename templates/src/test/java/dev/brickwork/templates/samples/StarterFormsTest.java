package dev.brickwork.templates.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.compile.FormCatalog;
import dev.brickwork.forms.compile.FormCompiler;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FormDefinition;
import dev.brickwork.forms.record.RecordValidation;
import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.templates.Templates;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generated write is one the CRM starter's forms accept, as the records API would check it: the engine's own
 * record validator (types, options, required fields, validation rules) with each marker replaced by an id, and no
 * value for a field the form computes or does not have. Users hold the starter's roles, in its departments.
 */
class StarterFormsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final ObjectNode CRM = Templates.crm();

    @Test
    void everyGeneratedWriteIsValidForTheStartersForms() {
        Map<String, CompiledForm> forms = compiledForms();
        RecordValidator validator = new RecordValidator(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));
        Map<String, ObjectNode> stored = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> checked = new LinkedHashMap<>();
        SampleGenerators.generate(SampleGenerators.CRM, SampleSize.SMALL, 1, TODAY).orElseThrow().records().forEach(r -> {
            CompiledForm form = forms.get(r.form());
            assertThat(form).as(r.form()).isNotNull();
            r.fields().fieldNames().forEachRemaining(key -> {
                Optional<FieldDefinition> field = form.field(key);
                if (field.isEmpty() || field.get().type().isComputed()) {
                    wrong.add(r.form() + "." + key + (field.isEmpty() ? " is no field" : " is computed"));
                }
            });
            ObjectNode given = (ObjectNode) SampleRefs.resolve(r.fields(),
                    marker -> ids.computeIfAbsent(marker.kind() + marker.name(), k -> UUID.randomUUID().toString()));
            ObjectNode before = r.change() ? stored.get(r.handle()) : null;
            ObjectNode after = before == null ? given : before.deepCopy().setAll(given);
            Set<String> changed = new HashSet<>();
            given.fieldNames().forEachRemaining(changed::add);
            RecordValidation validation = validator.validate(form, after, changed, before);
            for (Problem problem : validation.problems()) {
                if (problem.isError()) {
                    wrong.add(r.handle() + " " + problem.pointer() + " " + problem.code() + ": " + problem.message());
                }
            }
            stored.put(r.handle(), after);
            checked.merge(r.form(), 1, Integer::sum);
        });
        assertThat(wrong).isEmpty();
        assertThat(checked.keySet()).as("every form of the starter gets sample data").containsExactlyInAnyOrderElementsOf(
                forms.keySet());
    }

    @Test
    void usersHoldTheStartersRolesInItsDepartments() {
        Set<String> roles = new HashSet<>();
        CRM.get("roles").forEach(role -> roles.add(role.get("key").asText()));
        Set<String> departments = new HashSet<>();
        CRM.get("departments").forEach(d -> departments.add(d.get("path").asText()));
        for (SampleSize size : SampleSize.values()) {
            List<SampleUser> users = SampleGenerators.generate(SampleGenerators.CRM, size, 1, TODAY).orElseThrow().users();
            Set<String> held = new HashSet<>();
            users.forEach(u -> held.addAll(u.roles()));
            assertThat(roles).containsAll(held);
            assertThat(held).as("every role an approval flow names has someone")
                    .contains("gm", "sales_director", "finance", "finance_manager", "legal");
            assertThat(users).allSatisfy(u -> assertThat(departments).contains(u.department()));
        }
    }

    @Test
    void thePackageSeedNamesThisGenerator() {
        JsonNode seed = CRM.get("seed");
        assertThat(SampleGenerators.names()).contains(seed.get("generator").asText());
        assertThat(SampleSize.fromJson(seed.get("size").asText())).contains(SampleSize.SMALL);
    }

    /** The package's forms compiled against each other, as an install would. */
    private static Map<String, CompiledForm> compiledForms() {
        Map<String, JsonNode> sources = new LinkedHashMap<>();
        CRM.get("forms").forEach(form -> sources.put(form.get("key").asText(), form));
        Map<String, FormDefinition> read = new HashMap<>();
        FormCatalog catalog = key -> Optional.ofNullable(sources.get(key)).map(source -> read.computeIfAbsent(key,
                k -> FormCompiler.compile(source, FormCatalog.EMPTY).definition().orElseThrow()));
        Map<String, CompiledForm> forms = new LinkedHashMap<>();
        sources.forEach((key, source) -> forms.put(key, FormCompiler.compile(source, catalog).form().orElseThrow()));
        return forms;
    }
}
