package dev.brickwork.forms.compile;

import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FormDefinition;
import dev.brickwork.forms.read.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.brickwork.forms.read.Fixtures.found;
import static dev.brickwork.forms.read.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

// A contract's roll-up over its payments, with a filter over the payment form's fields (definitions/payment.json).
class RollupFilterTest {

    private static final Map<String, FormDefinition> FORMS = Map.of("payment", Fixtures.read("payment"));
    private static final FormCatalog CATALOG = key -> Optional.ofNullable(FORMS.get(key));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"field": "status", "op": "eq", "value": "confirmed"}
            {"field": "status", "op": "in", "value": ["confirmed", "draft"]}
            {"field": "status", "op": "nin", "value": ["void"]}
            {"field": "status", "op": "isNull", "value": false}
            {"field": "note", "op": "contains", "value": "anything at all"}
            {"field": "note", "op": "startsWith", "value": "INV-"}
            {"field": "amount", "op": "gte", "value": 100}
            {"field": "amount", "op": "between", "value": ["0.01", "99.99"]}
            {"field": "signed_amount", "op": "lt", "value": 0}
            {"field": "is_refund", "op": "eq", "value": false}
            {"field": "received_on", "op": "lte", "value": "2026-12-31"}
            {"field": "confirmed_at", "op": "gt", "value": "2026-01-01T00:00:00+08:00"}
            {"field": "verified", "op": "ne", "value": true}
            {"field": "instalment", "op": "eq", "value": "3"}
            {"field": "confirmed_by", "op": "in", "value": ["01890a5d-ac96-774b-bcce-b302099a8057"]}
            {"field": "channels", "op": "contains", "value": "bank"}
            {"field": "channels", "op": "eq", "value": []}
            {"and": [{"field": "status", "op": "eq", "value": "confirmed"}, {"or": [{"field": "type", "op": "eq", "value": "receipt"}, {"field": "verified", "op": "eq", "value": true}]}]}
            """)
    void acceptsAFilterTheRecordsListWouldRead(String filter) {
        FormCompilation compilation = FormCompiler.compile(json(contract(filter)), CATALOG);

        assertThat(compilation.problems()).isEmpty();
        FieldSpec.Rollup rollup = (FieldSpec.Rollup) compilation.form().orElseThrow().field("received").orElseThrow().spec();
        assertThat(rollup.filter()).isEqualTo(json(filter));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "confirmed"                                                    | /fields/0/filter PROPERTY_TYPE
            {}                                                             | /fields/0/filter/field FILTER_PROPERTY_MISSING, /fields/0/filter/op FILTER_PROPERTY_MISSING
            {"field": "ghost", "op": "eq", "value": 1}                     | /fields/0/filter/field FILTER_FIELD_UNKNOWN
            {"field": 7, "op": "eq", "value": 1}                           | /fields/0/filter/field FILTER_FIELD_UNKNOWN
            {"field": "status", "op": "like", "value": "x"}                | /fields/0/filter/op FILTER_OP_UNKNOWN
            {"field": "status", "op": "eq"}                                | /fields/0/filter/value FILTER_PROPERTY_MISSING
            {"field": "status", "op": "eq", "value": "confirmd"}           | /fields/0/filter/value FILTER_VALUE_INVALID
            {"field": "status", "op": "in", "value": ["draft", "gone"]}    | /fields/0/filter/value/1 FILTER_VALUE_INVALID
            {"field": "status", "op": "in", "value": []}                   | /fields/0/filter/value FILTER_VALUE_INVALID
            {"field": "status", "op": "eq", "value": "confirmed", "x": 1}  | /fields/0/filter/x FILTER_PROPERTY_UNKNOWN
            {"field": "amount", "op": "contains", "value": "1"}            | /fields/0/filter/op FILTER_OP_UNSUPPORTED
            {"field": "amount", "op": "gt", "value": "lots"}               | /fields/0/filter/value FILTER_VALUE_INVALID
            {"field": "amount", "op": "between", "value": [1]}             | /fields/0/filter/value FILTER_VALUE_INVALID
            {"field": "signed_amount", "op": "startsWith", "value": "1"}   | /fields/0/filter/op FILTER_OP_UNSUPPORTED
            {"field": "is_refund", "op": "gt", "value": true}              | /fields/0/filter/op FILTER_OP_UNSUPPORTED
            {"field": "verified", "op": "eq", "value": "yes"}              | /fields/0/filter/value FILTER_VALUE_INVALID
            {"field": "received_on", "op": "eq", "value": "2026-02-30"}    | /fields/0/filter/value FILTER_VALUE_INVALID
            {"field": "confirmed_at", "op": "eq", "value": "2026-01-01"}   | /fields/0/filter/value FILTER_VALUE_INVALID
            {"field": "instalment", "op": "eq", "value": 1.5}              | /fields/0/filter/value FILTER_VALUE_INVALID
            {"field": "confirmed_by", "op": "lt", "value": "x"}            | /fields/0/filter/op FILTER_OP_UNSUPPORTED
            {"field": "confirmed_by", "op": "eq", "value": "someone"}      | /fields/0/filter/value FILTER_VALUE_INVALID
            {"field": "channels", "op": "contains", "value": "card"}       | /fields/0/filter/value FILTER_VALUE_INVALID
            {"field": "channels", "op": "eq", "value": "bank"}             | /fields/0/filter/value FILTER_VALUE_INVALID
            {"field": "payer_account", "op": "eq", "value": "6222"}        | /fields/0/filter/field FILTER_FIELD_NOT_FILTERABLE
            {"field": "receipt", "op": "isNull", "value": true}            | /fields/0/filter/field FILTER_FIELD_NOT_FILTERABLE
            {"field": "lines", "op": "isNull", "value": true}              | /fields/0/filter/field FILTER_FIELD_NOT_FILTERABLE
            {"field": "status", "op": "isNull", "value": "yes"}            | /fields/0/filter/value FILTER_VALUE_INVALID
            {"and": []}                                                    | /fields/0/filter/and FILTER_NODE_INVALID
            {"and": [], "or": []}                                          | /fields/0/filter FILTER_NODE_INVALID
            {"or": [1]}                                                    | /fields/0/filter/or/0 FILTER_NODE_INVALID
            {"and": [{"field": "status", "op": "eq", "value": "void"}, {"or": [{"field": "ghost", "op": "eq", "value": 1}, {"field": "amount", "op": "eq", "value": "x"}]}]} | /fields/0/filter/and/1/or/0/field FILTER_FIELD_UNKNOWN, /fields/0/filter/and/1/or/1/value FILTER_VALUE_INVALID
            """)
    void refusesAFilterWithEveryProblemLocated(String filter, String expected) {
        FormCompilation compilation = FormCompiler.compile(json(contract(filter)), CATALOG);

        assertThat(found(compilation.problems())).isEqualTo(Set.of(expected.split(", ")));
        assertThat(compilation.form()).isEmpty();
    }

    @ParameterizedTest(name = "{0} deep")
    @CsvSource({"11, /fields/0/filter/and/0/and/0/and/0/and/0/and/0/and/0/and/0/and/0/and/0/and/0 FILTER_TOO_DEEP"})
    void refusesGroupsNestedDeeperThanTheRecordsListAllows(int depth, String expected) {
        String leaf = "{\"field\": \"status\", \"op\": \"eq\", \"value\": \"void\"}";
        String filter = leaf;
        for (int i = 0; i < depth; i++) {
            filter = "{\"and\": [" + filter + "]}";
        }
        assertThat(found(FormCompiler.compile(json(contract(filter)), CATALOG).problems())).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0} conditions")
    @CsvSource({"100, 0", "101, 1"})
    void refusesMoreConditionsThanTheRecordsListAllows(int conditions, int problems) {
        String leaf = "{\"field\": \"status\", \"op\": \"eq\", \"value\": \"void\"}";
        String filter = "{\"or\": [" + Stream.generate(() -> leaf).limit(conditions).collect(Collectors.joining(", ")) + "]}";
        assertThat(FormCompiler.compile(json(contract(filter)), CATALOG).problems()).hasSize(problems)
                .allMatch(p -> p.code().equals("FILTER_TOO_MANY_CONDITIONS"));
    }

    private static String contract(String filter) {
        return "{\"schemaVersion\": 1, \"key\": \"contract\", \"fields\": [{\"key\": \"received\", \"type\": \"rollup\","
                + " \"source\": \"payment\", \"via\": \"contract\", \"aggregate\": \"sum\", \"field\": \"signed_amount\","
                + " \"filter\": " + filter + "}]}";
    }
}
