package dev.brickwork.platform.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Problems in the caller's language: Chinese for a caller preferring zh, English otherwise, never a lost code. */
class ProblemLanguageTest {

    private static final ProblemDetail INVALID = ProblemDetail.of(CommonProblem.REQUEST_INVALID, "The view has problems; nothing was saved.",
            List.of(ProblemError.of("/name", "VIEW_NAME_TAKEN", "A view with this name exists already; choose another."),
                    ProblemError.of("/x", "SOMETHING_NEW", "A message no one translated yet.")));

    @Test
    void theMostPreferredLanguageWeSpeakDecides() {
        assertThat(ProblemLanguage.prefersChinese("zh-CN,zh;q=0.9,en;q=0.8")).isTrue();
        assertThat(ProblemLanguage.prefersChinese("zh-TW")).isTrue();
        assertThat(ProblemLanguage.prefersChinese("fr-FR,zh;q=0.5,en;q=0.4")).isTrue();
        assertThat(ProblemLanguage.prefersChinese("en-US,zh-CN;q=0.9")).isFalse();
        assertThat(ProblemLanguage.prefersChinese("fr-FR")).isFalse();
        assertThat(ProblemLanguage.prefersChinese(null)).isFalse();
        assertThat(ProblemLanguage.prefersChinese(";;q=x,,")).isFalse();
    }

    @Test
    void titlesAndErrorsAreTranslatedByCodeAndTheUntranslatedStayEnglish() {
        ProblemDetail chinese = ProblemLanguage.localize(INVALID, "zh-CN");
        assertThat(chinese.title()).isEqualTo("请求有误");
        assertThat(chinese.detail()).isEqualTo("请求有误");
        assertThat(chinese.errors().get(0).message()).isEqualTo("已有同名视图，请换一个名称。");
        assertThat(chinese.errors().get(0).pointer()).isEqualTo("/name");
        assertThat(chinese.errors().get(1).message()).isEqualTo("A message no one translated yet.");
        assertThat(chinese.code()).isEqualTo("REQUEST_INVALID");
        assertThat(ProblemLanguage.localize(INVALID, "en")).isSameAs(INVALID);
    }

    @Test
    void anIncidentKeepsItsIdInEveryLanguage() {
        ProblemDetail incident = ProblemDetail.of(CommonProblem.INTERNAL, "Incident 42 was logged.", null);
        ProblemDetail chinese = ProblemLanguage.localize(incident, "zh");
        assertThat(chinese.title()).isEqualTo("服务器出错了");
        assertThat(chinese.detail()).isEqualTo("Incident 42 was logged.");
    }

    @Test
    void aDefinitionProblemNamesWhatTheEnglishQuotesAndKeepsItsPosition() {
        assertThat(ProblemLanguage.designMessage("EXPR_UNKNOWN_FIELD", "at position 11: There is no field 'mony'", "zh-CN"))
                .isEqualTo("第 11 个字符处：没有字段“mony”");
        assertThat(ProblemLanguage.designMessage("LAYOUT_ROW_TOO_WIDE", "The cells of a row are at most 12 columns wide together, not 14", "zh"))
                .isEqualTo("一行中各字段的宽度合计不能超过 12 栏");
        // untranslated, or a translation wanting a name the English does not quote: the English stays
        assertThat(ProblemLanguage.designMessage("EXPR_TYPE_MISMATCH", "at position 0: Cannot add text and number", "zh"))
                .isEqualTo("at position 0: Cannot add text and number");
        assertThat(ProblemLanguage.designMessage("EXPR_UNKNOWN_FIELD", "There is no field", "zh")).isEqualTo("There is no field");
        assertThat(ProblemLanguage.designMessage("EXPR_UNKNOWN_FIELD", "at position 3: There is no field 'x'", "en-US"))
                .isEqualTo("at position 3: There is no field 'x'");
    }
}
