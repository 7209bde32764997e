package dev.brickwork.forms.expr;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionHelpTest {

    @Test
    void everyFunctionHasItsSignatureAndSummaryInBothLanguages() {
        assertThat(FunctionHelp.all()).extracting(FunctionHelp::name)
                .containsExactly(java.util.Arrays.stream(Function.values()).map(Enum::name).toArray(String[]::new));
        assertThat(FunctionHelp.all()).allSatisfy(help -> {
            assertThat(help.signature()).startsWith(help.name() + "(");
            assertThat(help.summary()).containsOnlyKeys("en", "zh-CN");
            assertThat(help.summary().values()).allMatch(text -> !text.isBlank());
        });
    }
}
