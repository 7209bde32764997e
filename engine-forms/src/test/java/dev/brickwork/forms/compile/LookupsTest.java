package dev.brickwork.forms.compile;

import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.FormDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.brickwork.forms.read.Fixtures.found;
import static dev.brickwork.forms.read.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

// Lookup fields (docs/spec.md §2 addition) against a small CRM: customer ← contract ← payment.
class LookupsTest {

    private static final String CUSTOMER = """
            {"schemaVersion": 1, "key": "customer", "fields": [{"key": "name", "type": "text"},
              {"key": "customer_no", "type": "autonumber", "pattern": "KH{seq:5}"}]}""";
    private static final String CONTRACT = """
            {"schemaVersion": 1, "key": "contract", "fields": [
              {"key": "customer", "type": "reference", "target": "customer"},
              {"key": "amount", "type": "money"},
              {"key": "signed_on", "type": "date"},
              {"key": "stage", "type": "select", "options": [{"value": "draft"}, {"value": "active"}]},
              {"key": "doubled", "type": "formula", "expression": "amount * 2"},
              {"key": "customer_name", "type": "lookup", "via": "customer", "field": "name"},
              {"key": "bank_account", "type": "text", "sensitive": true},
              {"key": "files", "type": "attachment"},
              {"key": "lines", "type": "subtable", "fields": [{"key": "qty", "type": "number"}]}]}""";
    private static final String PAYMENT = """
            {"schemaVersion": 1, "key": "payment", "fields": [
              {"key": "contract", "type": "reference", "target": "contract"},
              {"key": "customer", "type": "lookup", "via": "contract", "field": "customer"},
              {"key": "amount", "type": "money"},
              {"key": "status", "type": "select", "options": [{"value": "draft"}, {"value": "confirmed"}]}]}""";

    private static FormCatalog catalog(String... definitions) {
        Map<String, FormDefinition> forms = new HashMap<>();
        for (String definition : definitions) {
            FormDefinition read = FormCompiler.compile(json(definition), FormCatalog.EMPTY).definition().orElseThrow();
            forms.put(read.key(), read);
        }
        return key -> Optional.ofNullable(forms.get(key));
    }

    private static String plan(String... fields) {
        return "{\"schemaVersion\": 1, \"key\": \"payment_plan\", \"fields\": ["
                + "{\"key\": \"contract\", \"type\": \"reference\", \"target\": \"contract\"},"
                + "{\"key\": \"planned_amount\", \"type\": \"money\"}" + (fields.length == 0 ? "" : ", " + String.join(", ", fields))
                + "]}";
    }

    @Test
    void aLookupHasTheTypeOfTheFieldItLooksUpAndFormulasCanReadIt() {
        String input = plan("{\"key\": \"contract_amount\", \"type\": \"lookup\", \"via\": \"contract\", \"field\": \"amount\"}",
                "{\"key\": \"planned_ratio\", \"type\": \"formula\", \"expression\": \"planned_amount / contract_amount\"}");

        FormCompilation compilation = FormCompiler.compile(json(input), catalog(CUSTOMER, CONTRACT));

        assertThat(compilation.problems()).isEmpty();
        CompiledForm form = compilation.form().orElseThrow();
        assertThat(form.valueType("contract_amount")).contains(ValueType.NUMBER);
        assertThat(form.valueType("planned_ratio")).contains(ValueType.NUMBER);
        CompiledLookup lookup = form.lookup("contract_amount").orElseThrow();
        assertThat(lookup.via()).isEqualTo("contract");
        assertThat(lookup.targetForm()).isEqualTo("contract");
        assertThat(lookup.targetField()).isEqualTo("amount");
        assertThat(lookup.valueField().key()).isEqualTo("contract_amount");
        assertThat(lookup.valueField().type()).isEqualTo(FieldType.MONEY);
        assertThat(form.lookup("planned_amount")).isEmpty();
    }

    @ParameterizedTest(name = "a lookup of {0} is stored as {1} and typed {2}")
    @CsvSource(delimiter = '|', textBlock = """
            amount        | MONEY     | NUMBER
            signed_on     | DATE      | DATE
            stage         | SELECT    | TEXT
            doubled       | NUMBER    | NUMBER
            customer      | REFERENCE | TEXT
            customer_name | TEXT      | TEXT
            """)
    void aLookupIsStoredAsThePlainTypeOfWhatItLooksUp(String field, FieldType stored, ValueType type) {
        String input = plan("{\"key\": \"copy\", \"type\": \"lookup\", \"via\": \"contract\", \"field\": \"" + field + "\"}");

        CompiledForm form = FormCompiler.compile(json(input), catalog(CUSTOMER, CONTRACT)).form().orElseThrow();

        assertThat(form.lookup("copy").orElseThrow().valueField().type()).isEqualTo(stored);
        assertThat(form.valueType("copy")).contains(type);
    }

    @Test
    void aRollupMayCountThroughALookupOfAReferenceToItsForm() {
        String customer = """
                {"schemaVersion": 1, "key": "customer", "fields": [{"key": "name", "type": "text"},
                  {"key": "received_total", "type": "rollup", "source": "payment", "via": "customer", "aggregate": "sum",
                   "field": "amount", "filter": {"and": [{"field": "status", "op": "eq", "value": "confirmed"},
                                                         {"field": "customer", "op": "isNull", "value": false}]}}]}""";

        FormCompilation compilation = FormCompiler.compile(json(customer), catalog(CUSTOMER, CONTRACT, PAYMENT));

        assertThat(compilation.problems()).isEmpty();
        CompiledLookup paymentsCustomer = FormCompiler.compile(json(PAYMENT), catalog(CUSTOMER, CONTRACT)).form().orElseThrow()
                .lookup("customer").orElseThrow();
        assertThat(((FieldSpec.Reference) paymentsCustomer.valueField().spec()).target()).isEqualTo("customer");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            via a field that is not a reference   | {"key": "x", "type": "lookup", "via": "planned_amount", "field": "amount"}   | /fields/2/via LOOKUP_VIA_INVALID
            via a field the form does not have    | {"key": "x", "type": "lookup", "via": "deal", "field": "amount"}             | /fields/2/via LOOKUP_VIA_INVALID
            a field the target does not have      | {"key": "x", "type": "lookup", "via": "contract", "field": "ghost"}          | /fields/2/field LOOKUP_FIELD_INVALID
            a subtable                            | {"key": "x", "type": "lookup", "via": "contract", "field": "lines"}          | /fields/2/field LOOKUP_FIELD_INVALID
            an attachment                         | {"key": "x", "type": "lookup", "via": "contract", "field": "files"}          | /fields/2/field LOOKUP_FIELD_INVALID
            a sensitive field                     | {"key": "x", "type": "lookup", "via": "contract", "field": "bank_account"}   | /fields/2/field LOOKUP_FIELD_SENSITIVE
            no via and no field                   | {"key": "x", "type": "lookup"}                                               | /fields/2/via PROPERTY_REQUIRED, /fields/2/field PROPERTY_REQUIRED
            a key that is not a key               | {"key": "x", "type": "lookup", "via": "contract", "field": "Amount"}         | /fields/2/field KEY_INVALID
            a default                             | {"key": "x", "type": "lookup", "via": "contract", "field": "amount", "default": 1} | /fields/2/default DEFAULT_INVALID
            sensitive                             | {"key": "x", "type": "lookup", "via": "contract", "field": "amount", "sensitive": true} | /fields/2/sensitive SENSITIVE_TYPE_UNSUPPORTED
            an unknown property                   | {"key": "x", "type": "lookup", "via": "contract", "field": "amount", "target": "contract"} | /fields/2/target PROPERTY_UNKNOWN
            inside a subtable                     | {"key": "rows", "type": "subtable", "fields": [{"key": "x", "type": "lookup", "via": "contract", "field": "amount"}]} | /fields/2/fields/0/type LOOKUP_IN_SUBTABLE
            a formula using it as the wrong type  | {"key": "x", "type": "lookup", "via": "contract", "field": "signed_on"}, {"key": "y", "type": "formula", "expression": "UPPER(x)"} | /fields/3/expression EXPR_TYPE_MISMATCH
            """)
    void refusesALookupThatCannotBeKeptTrue(String description, String fields, String expected) {
        FormCompilation compilation = FormCompiler.compile(json(plan(fields)), catalog(CUSTOMER, CONTRACT));

        assertThat(found(compilation.problems())).isEqualTo(Set.of(expected.split(", ")));
        assertThat(compilation.form()).isEmpty();
    }

    @Test
    void aRollupMaySumARollupAndALookupOfANumber() {
        String customer = """
                {"schemaVersion": 1, "key": "customer", "fields": [
                  {"key": "received", "type": "rollup", "source": "contract", "via": "customer", "aggregate": "sum", "field": "paid"},
                  {"key": "looked", "type": "rollup", "source": "contract", "via": "customer", "aggregate": "max", "field": "plan_amount"}]}""";
        String contract = """
                {"schemaVersion": 1, "key": "contract", "fields": [
                  {"key": "customer", "type": "reference", "target": "customer"},
                  {"key": "plan", "type": "reference", "target": "contract"},
                  {"key": "amount", "type": "money"},
                  {"key": "plan_amount", "type": "lookup", "via": "plan", "field": "amount"},
                  {"key": "paid", "type": "rollup", "source": "contract", "via": "plan", "aggregate": "sum", "field": "amount"}]}""";

        assertThat(FormCompiler.compile(json(customer), catalog(CUSTOMER, contract)).problems()).isEmpty();
    }

    @Test
    void aRollupOfALookupOfTheRollupItselfIsACycle() {
        String payment = """
                {"schemaVersion": 1, "key": "payment", "fields": [
                  {"key": "contract", "type": "reference", "target": "contract"},
                  {"key": "contract_received", "type": "lookup", "via": "contract", "field": "received"},
                  {"key": "amount", "type": "money"}]}""";
        String contract = """
                {"schemaVersion": 1, "key": "contract", "fields": [
                  {"key": "amount", "type": "money"},
                  {"key": "received", "type": "rollup", "source": "payment", "via": "contract", "aggregate": "max",
                   "field": "contract_received"},
                  {"key": "via_formula", "type": "formula", "expression": "received + 1"},
                  {"key": "settled", "type": "rollup", "source": "payment", "via": "contract", "aggregate": "count",
                   "filter": {"field": "amount", "op": "gt", "value": 0}}]}""";

        FormCompilation compilation = FormCompiler.compile(json(contract), catalog(CUSTOMER, payment));

        assertThat(found(compilation.problems())).containsExactly("/fields/1 COMPUTED_CYCLE");
    }

    @Test
    void aCycleThroughAFormulaAndAFilterIsFoundToo() {
        String payment = """
                {"schemaVersion": 1, "key": "payment", "fields": [
                  {"key": "contract", "type": "reference", "target": "contract"},
                  {"key": "contract_level", "type": "lookup", "via": "contract", "field": "level"},
                  {"key": "amount", "type": "money"}]}""";
        String contract = """
                {"schemaVersion": 1, "key": "contract", "fields": [
                  {"key": "big_payments", "type": "rollup", "source": "payment", "via": "contract", "aggregate": "count",
                   "filter": {"field": "contract_level", "op": "gt", "value": 1}},
                  {"key": "level", "type": "formula", "expression": "big_payments * 2"}]}""";

        FormCompilation compilation = FormCompiler.compile(json(contract), catalog(CUSTOMER, payment));

        assertThat(found(compilation.problems())).containsExactly("/fields/0 COMPUTED_CYCLE");
    }

    @Test
    void aLookupOfItselfThroughASelfReferenceIsACycle() {
        String input = """
                {"schemaVersion": 1, "key": "customer", "fields": [
                  {"key": "parent", "type": "reference", "target": "customer"},
                  {"key": "group_name", "type": "lookup", "via": "parent", "field": "group_name"},
                  {"key": "parent_name", "type": "lookup", "via": "parent", "field": "name"},
                  {"key": "name", "type": "text"}]}""";

        assertThat(found(FormCompiler.compile(json(input), FormCatalog.EMPTY).problems()))
                .containsExactly("/fields/1 COMPUTED_CYCLE");
    }

    @Test
    void aRollupFilterOnALookupIsCheckedAsTheLookedUpField() {
        String customer = """
                {"schemaVersion": 1, "key": "customer", "fields": [
                  {"key": "n", "type": "rollup", "source": "payment", "via": "customer", "aggregate": "count",
                   "filter": {"or": [{"field": "customer", "op": "contains", "value": "x"},
                                     {"field": "customer", "op": "eq", "value": "not an id"}]}}]}""";

        assertThat(found(FormCompiler.compile(json(customer), catalog(CUSTOMER, CONTRACT, PAYMENT)).problems()))
                .containsExactlyInAnyOrder("/fields/0/filter/or/0/op FILTER_OP_UNSUPPORTED",
                        "/fields/0/filter/or/1/value FILTER_VALUE_INVALID");
    }
}
