package dev.brickwork.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CrmPackageTest {

    private static final List<String> ACTIONS = List.of("create", "read", "update", "delete", "import", "export", "share");
    private static final Set<String> SCOPES = Set.of("none", "own", "department", "subtree", "all");

    @Test
    void thePackageIsInTheSpecsFormatWithTheCrmAppAndTheSmallSampleData() {
        ObjectNode pack = Templates.crm();

        assertThat(pack.get("packageVersion").asInt()).isEqualTo(1);
        assertThat(pack.get("app").toString())
                .isEqualTo("{\"key\":\"crm\",\"label\":{\"en\":\"CRM\",\"zh-CN\":\"客户管理\"},\"version\":\"1.0.0\"}");
        assertThat(pack.get("seed").toString()).isEqualTo("{\"generator\":\"crm-sample\",\"size\":\"small\"}");
        assertThat(fieldNames(pack)).containsExactly("packageVersion", "app", "forms", "flows", "roles", "departments",
                "seed");
    }

    @Test
    void everyCallGivesAFreshCopy() {
        ObjectNode first = Templates.crm();
        first.put("packageVersion", 99);
        ((ObjectNode) first.get("forms").get(0)).put("key", "changed");

        ObjectNode second = Templates.crm();

        assertThat(second.get("packageVersion").asInt()).isEqualTo(1);
        assertThat(second.get("forms").get(0).get("key").asText()).isEqualTo("product");
    }

    @Test
    void theDepartmentTreeIsHeadOfficeWithSalesEastAndNorthFinanceServiceAndMarketingParentsFirst() {
        List<String> paths = new ArrayList<>();
        CrmParts.PACKAGE.get("departments").forEach(d -> paths.add(d.get("path").asText()));

        assertThat(paths).containsExactly("总部", "总部/销售部", "总部/销售部/华东", "总部/销售部/华北", "总部/财务部",
                "总部/客服部", "总部/市场部");
        for (int i = 1; i < paths.size(); i++) {
            String parent = paths.get(i).substring(0, paths.get(i).lastIndexOf('/'));
            assertThat(paths.subList(0, i)).as("the parent of %s comes first", paths.get(i)).contains(parent);
        }
    }

    @Test
    void theRolesAreTheTemplatesAndTheApproversTheFlowsName() {
        assertThat(CrmParts.roleKeys()).containsExactlyInAnyOrder("sales_rep", "sales_manager", "sales_director",
                "finance", "finance_manager", "service_agent", "marketing", "legal", "gm");
    }

    @Test
    void everyPermissionNamesAFormAndFieldsOfThePackageWithKnownActionsAndScopes() {
        List<String> wrong = new ArrayList<>();
        for (JsonNode role : CrmParts.PACKAGE.get("roles")) {
            assertThat(fieldNames(role)).containsExactly("key", "permissions");
            Set<String> forms = new HashSet<>();
            for (JsonNode permission : role.get("permissions")) {
                String at = role.get("key").asText() + "/" + permission.path("form").asText();
                if (!"crm".equals(permission.path("app").asText()) || !CrmParts.forms().containsKey(permission.path("form").asText())) {
                    wrong.add(at + ": app or form");
                    continue;
                }
                if (!forms.add(permission.get("form").asText())) {
                    wrong.add(at + ": repeated");
                }
                permission.get("actions").properties().forEach(e -> {
                    if (!ACTIONS.contains(e.getKey()) || !SCOPES.contains(e.getValue().asText())) {
                        wrong.add(at + ": " + e.getKey());
                    }
                });
                Set<String> keys = CrmParts.allFields(CrmParts.form(permission.get("form").asText()))
                        .map(f -> f.get("key").asText()).collect(Collectors.toSet());
                permission.path("fields").properties().forEach(e -> {
                    if (!keys.contains(e.getKey()) || !Set.of("hidden", "readonly").contains(e.getValue().asText())) {
                        wrong.add(at + ": field " + e.getKey());
                    }
                });
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void salesRepsReadEveryLeadEditTheirOwnAndSeeNoCost() {
        assertThat(actions("sales_rep", "lead")).containsEntry("read", "all").containsEntry("update", "own")
                .containsEntry("delete", "none");
        assertThat(actions("sales_rep", "customer")).containsEntry("read", "own").containsEntry("update", "own");
        assertThat(permission("sales_rep", "product").at("/fields/cost_price").asText()).isEqualTo("hidden");
        assertThat(actions("sales_manager", "customer")).containsEntry("read", "subtree");
        assertThat(actions("sales_director", "customer")).containsEntry("read", "all").containsEntry("export", "all");
        assertThat(permission("finance", "product").has("fields")).isFalse();
    }

    @Test
    void salesRolesRegisterPaymentsButOnlyTheFlowConfirmsThem() {
        for (String role : List.of("sales_rep", "sales_manager", "sales_director")) {
            assertThat(actions(role, "payment")).as(role).containsEntry("create", role.equals("sales_rep") ? "own"
                    : role.equals("sales_manager") ? "subtree" : "all");
            assertThat(permission(role, "payment").at("/fields/status").asText()).as(role).isEqualTo("readonly");
        }
        assertThat(permission("finance", "payment").has("fields")).isFalse();
        assertThat(actions("finance", "payment")).containsEntry("update", "all");
    }

    private static JsonNode permission(String role, String form) {
        for (JsonNode r : CrmParts.PACKAGE.get("roles")) {
            if (r.get("key").asText().equals(role)) {
                for (JsonNode p : r.get("permissions")) {
                    if (p.get("form").asText().equals(form)) {
                        return p;
                    }
                }
            }
        }
        throw new AssertionError(role + " has no permission on " + form);
    }

    private static Map<String, String> actions(String role, String form) {
        Map<String, String> actions = new java.util.LinkedHashMap<>();
        permission(role, form).get("actions").properties().forEach(e -> actions.put(e.getKey(), e.getValue().asText()));
        return actions;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
