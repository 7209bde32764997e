package dev.brickwork.forms.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ExpressionPropertiesTest {

    private static final List<String> SOUP = List.of("(", ")", ",", "'", "\"", "''", "+", "-", "*", "/", "%", "&",
            "=", "!=", "<>", "<", "<=", ">", ">=", "!", ".", " ", "and", "OR", "not", "null", "true", "IF", "SUM",
            "COUNT", "MAX", "ROUND", "TODAY", "lines", "qty", "lines.qty", "amount", "title", "tags", "signed_on",
            "0", "1", "3.50", "99999999999999999999999999999999999999999", "合同", "\u3000", "\u0000", "\uD83D\uDE00",
            "\uD83D", "\n");

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> soup = Arbitraries.of(SOUP).list().ofMaxSize(60).map(tokens -> String.join("", tokens));
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80);
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(40);
        return Arbitraries.oneOf(soup, printable, unicode);
    }

    @Property
    void compilingNeverThrowsAndLocatesProblemsInsideTheSource(@ForAll("anyText") String source) {
        Compilation compilation = Expressions.compile(source, Fixtures.CONTRACT_TYPES, null);

        assertThat(compilation.problems()).allSatisfy(problem -> {
            assertThat(problem.position()).isBetween(0, source.length());
            assertThat(problem.code()).isNotEqualTo("EXPR_INTERNAL");
        });
        assertThat(compilation.expression().isPresent()).isEqualTo(compilation.problems().isEmpty());
        compilation.expression().ifPresent(expression -> {
            Evaluation evaluation = expression.evaluate(Fixtures.CONTRACT);
            if (evaluation instanceof Evaluation.Failed failed) {
                assertThat(failed.problem().code()).isNotEqualTo("EXPR_INTERNAL");
                assertThat(failed.problem().position()).isBetween(0, source.length());
            }
        });
    }

    // edge cases of nested combinators multiply out and only slow the run down
    @Property(edgeCases = EdgeCasesMode.NONE)
    void wellTypedExpressionsCompileAndEvaluate(@ForAll("typedExpressions") Typed typed) {
        Compilation compilation = Expressions.compile(typed.source(), Fixtures.CONTRACT_TYPES, typed.type());

        assertThat(compilation.problems()).as(typed.source()).isEmpty();
        Evaluation evaluation = compilation.expression().orElseThrow().evaluate(Fixtures.CONTRACT);
        if (evaluation instanceof Evaluation.Ok ok) {
            assertThat(ok.value().type()).as(typed.source()).isIn(typed.type(), ValueType.NULL);
        } else {
            assertThat(((Evaluation.Failed) evaluation).problem().code()).as(typed.source())
                    .isIn("EXPR_DIVISION_BY_ZERO", "EXPR_NUMBER_TOO_LARGE");
        }
    }

    @Property
    void deepNestingIsAProblemNotAStackOverflow(@ForAll @IntRange(min = 65, max = 790) int depth,
            @ForAll @IntRange(min = 0, max = 4) int shape) {
        String source = switch (shape) {
            case 0 -> "(".repeat(depth) + "1" + ")".repeat(depth);
            case 1 -> "-".repeat(depth) + "1";
            case 2 -> "not ".repeat(depth) + "true";
            case 3 -> "ABS(".repeat(depth) + "1" + ")".repeat(depth);
            default -> "(-".repeat(depth) + "1" + ")".repeat(depth);
        };

        Compilation compilation = Expressions.compile(source, Fixtures.CONTRACT_TYPES, null);

        assertThat(compilation.problems()).extracting(ExpressionProblem::code).containsExactly("EXPR_TOO_DEEP");
    }

    record Typed(String source, ValueType type) {
    }

    @Provide
    Arbitrary<Typed> typedExpressions() {
        return Arbitraries.oneOf(Stream.of(ValueType.NUMBER, ValueType.TEXT, ValueType.BOOLEAN, ValueType.DATE)
                .map(type -> TypedSources.of(type, 3).map(source -> new Typed(source, type)))
                .collect(Collectors.toList()));
    }
}
