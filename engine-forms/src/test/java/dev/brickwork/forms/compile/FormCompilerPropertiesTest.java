package dev.brickwork.forms.compile;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.read.Fixtures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever it is given, the compiler answers, and every problem points at something the client sent. */
class FormCompilerPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final FormCatalog CATALOG = Fixtures.contractCatalog();

    @Property(tries = 300)
    void neverThrowsOnRandomJsonAndLocatesEveryProblem(@ForAll("randomJson") JsonNode input) {
        assertCompilesAndLocates(input);
    }

    @Property(tries = 500)
    void neverThrowsOnMutationsOfTheContractExampleAndLocatesEveryProblem(@ForAll("mutatedContract") JsonNode input) {
        assertCompilesAndLocates(input);
    }

    private static void assertCompilesAndLocates(JsonNode input) {
        FormCompilation compilation = FormCompiler.compile(input, CATALOG);
        assertThat(compilation.form().isPresent()).isEqualTo(!compilation.hasErrors());
        for (Problem problem : compilation.problems()) {
            assertThat(resolvesToNodeOrItsParent(input, problem.pointer())).as(problem.toString()).isTrue();
            assertThat(problem.code()).isNotBlank();
        }
    }

    private static boolean resolvesToNodeOrItsParent(JsonNode input, String pointer) {
        JsonPointer parsed;
        try {
            parsed = JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (pointer.isEmpty()) {
            return true;
        }
        return !input.at(parsed).isMissingNode() || !input.at(parsed.head()).isMissingNode();
    }

    @Provide
    Arbitrary<JsonNode> randomJson() {
        return json(4);
    }

    private Arbitrary<JsonNode> json(int depth) {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (JsonNode) NODES.textNode(s)),
                Arbitraries.of("text", "select", "subtable", "formula", "rollup", "fields", "key", "type", "a + 1",
                        "{seq:3}", "contract", "/", "~").map(s -> (JsonNode) NODES.textNode(s)),
                Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000"))
                        .map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
                Arbitraries.just(NODES.nullNode()));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> json(depth - 1));
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("schemaVersion", "key", "label", "fields", "type", "rules", "options", "expression",
                        "titleField", "value", "target", "a/b", "~x"),
                Arbitraries.strings().alpha().ofMaxLength(6));
        Arbitrary<JsonNode> arrays = child.list().ofMaxSize(4).map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(names.list().ofMaxSize(5), child.list().ofSize(5))
                .as((keys, values) -> {
                    ObjectNode object = NODES.objectNode();
                    for (int i = 0; i < keys.size(); i++) {
                        object.set(keys.get(i), values.get(i));
                    }
                    return (JsonNode) object;
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, scalars), net.jqwik.api.Tuple.of(3, arrays), net.jqwik.api.Tuple.of(4, objects));
    }

    @Provide
    Arbitrary<JsonNode> mutatedContract() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(MutationKind.values()),
                Arbitraries.integers().between(0, 10_000), json(1)).as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(4).map(mutations -> {
            JsonNode contract = Fixtures.definition("contract");
            mutations.forEach(m -> m.apply(contract));
            return contract;
        });
    }

    enum MutationKind { DELETE, REPLACE, INSERT }

    /** Picks a container node of the tree by index and deletes, replaces or inserts one of its members. */
    record Mutation(MutationKind kind, int pick, JsonNode junk) {
        void apply(JsonNode root) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(pick % containers.size());
            if (target instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.isEmpty() ? "junk" : names.get(pick % names.size());
                switch (kind) {
                    case DELETE -> object.remove(name);
                    case REPLACE -> object.set(name, junk.deepCopy());
                    case INSERT -> object.set("junk" + pick % 7, junk.deepCopy());
                }
            } else if (target instanceof ArrayNode array) {
                int index = array.isEmpty() ? 0 : pick % array.size();
                switch (kind) {
                    case DELETE -> { if (!array.isEmpty()) array.remove(index); }
                    case REPLACE -> { if (!array.isEmpty()) array.set(index, junk.deepCopy()); }
                    case INSERT -> array.insert(index, junk.deepCopy());
                }
            }
        }

        private static void collect(JsonNode node, List<JsonNode> containers) {
            if (node.isContainerNode()) {
                containers.add(node);
                for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                    collect(it.next(), containers);
                }
            }
        }
    }
}
