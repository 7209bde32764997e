package dev.brickwork.forms.record;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.compile.FormCatalog;
import dev.brickwork.forms.compile.FormCompiler;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;

import static dev.brickwork.forms.read.Fixtures.definition;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever record it is given, the validator answers, and every problem points into the record or is the record. */
class RecordValidatorPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final CompiledForm DEAL = FormCompiler.compile(definition("RecordValidatorTest.deal"), FormCatalog.EMPTY)
            .form().orElseThrow();
    private static final RecordValidator VALIDATOR = new RecordValidator(Clock.systemUTC(), ZoneOffset.UTC);

    @Property(tries = 500)
    void neverThrowsAndLocatesEveryProblem(@ForAll("records") JsonNode fields) {
        ObjectNode request = NODES.objectNode().set("fields", fields);
        for (Problem problem : VALIDATOR.validate(DEAL, fields, null).problems()) {
            JsonPointer pointer = JsonPointer.compile(problem.pointer());
            assertThat(problem.pointer().isEmpty() || !request.at(pointer).isMissingNode()
                    || !request.at(pointer.head()).isMissingNode()).as(problem.toString()).isTrue();
        }
    }

    @Provide
    Arbitrary<JsonNode> records() {
        return record(1);
    }

    /** A record whose array values may hold rows, which are records one level less deep. */
    private Arbitrary<JsonNode> record(int depth) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(DEAL.fields().stream().map(f -> f.key()).toList()),
                Arbitraries.of("product", "price", "id", "nope"));
        Arbitrary<JsonNode> values = value(depth);
        return Combinators.combine(keys.list().ofMaxSize(12), values.list().ofSize(12)).as((k, v) -> {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < k.size(); i++) {
                object.set(k.get(i), v.get(i));
            }
            return object;
        });
    }

    private Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(10).map(s -> (JsonNode) NODES.textNode(s)),
                Arbitraries.of("draft", "signed", "a", "2025-02-28", "2025-01-15T10:00:00Z", "0.10", "x@y.z",
                        "https://e.com", "0192f6c8-1234-7abc-8def-0123456789ab", "+86 138 0013 8000")
                        .map(s -> (JsonNode) NODES.textNode(s)),
                Arbitraries.bigDecimals().between(new BigDecimal("-100"), new BigDecimal("100")).ofScale(3)
                        .map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
                Arbitraries.just(NODES.nullNode()));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<JsonNode> rows = record(depth - 1);
        Arbitrary<JsonNode> arrays = Arbitraries.oneOf(scalars, rows).list().ofMaxSize(3).map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return array;
        });
        return Arbitraries.oneOf(scalars, arrays);
    }
}
