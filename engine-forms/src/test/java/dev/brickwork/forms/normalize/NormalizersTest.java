package dev.brickwork.forms.normalize;

import dev.brickwork.forms.model.RuleDefinition.NormalizeMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class NormalizersTest {

    @ParameterizedTest(name = "text [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", ignoreLeadingAndTrailingWhitespace = false, value = {
            "Hello World|hello world",
            "ＨＥＬＬＯ　ＷＯＲＬＤ|hello world",
            "Ａｃｍｅ！|acme!",
            "a\u00A0\u000Bb|a b",
            "   |NULL",
            "''|NULL",
            "客户 名称|客户 名称",
            "ÄÖÜ|äöü",
            "a\u2003b|a\u2003b",
    })
    void normalisesText(String raw, String expected) {
        assertThat(Normalizers.apply(NormalizeMode.TEXT, "''".equals(raw) ? "" : raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "text with control whitespace [{0}]")
    @MethodSource("controlWhitespace")
    void collapsesEveryKindOfWhitespace(String raw, String expected) {
        assertThat(Normalizers.apply(NormalizeMode.TEXT, raw)).isEqualTo(expected);
    }

    static Stream<Arguments> controlWhitespace() {
        return Stream.of(
                Arguments.of("  Hello \t\n World  ", "hello world"),
                Arguments.of("\r\fa\n\n\nb\u000B", "a b"),
                Arguments.of("\n\t", null));
    }

    @ParameterizedTest(name = "email [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", ignoreLeadingAndTrailingWhitespace = false, value = {
            "John.Doe@Example.COM|john.doe@example.com",
            " john . doe @ example.com |john.doe@example.com",
            "ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ|john@example.com",
            " \t |NULL",
    })
    void normalisesEmail(String raw, String expected) {
        assertThat(Normalizers.apply(NormalizeMode.EMAIL, raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "phone [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", ignoreLeadingAndTrailingWhitespace = false, value = {
            "+44 (0)20 7946 0018|2079460018",
            "020 7946 0018|2079460018",
            "0044 20 7946 0018|2079460018",
            "+86 138 0013 8000|13800138000",
            "8613800138000|13800138000",
            "138-0013-8000|13800138000",
            "+1 (415) 555-2671|4155552671",
            "+7 495 123 4567|4951234567",
            "+353 1 234 5678|12345678",
            "＋８６　１３８００１３８０００|13800138000",
            "  +49 30 123456|30123456",
            "ext.|NULL",
            "+|NULL",
            "0|NULL",
            "00|NULL",
    })
    void normalisesPhoneNumbers(String raw, String expected) {
        assertThat(Normalizers.apply(NormalizeMode.PHONE, raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "company [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", ignoreLeadingAndTrailingWhitespace = false, value = {
            "Acme Co., Ltd.|acme",
            "ＡＣＭＥ　Inc|acme",
            "阿里巴巴网络技术有限公司|阿里巴巴网络技术",
            "Costco|costco",
            "Inc|inc",
            "Acme Inc.|acme",
            "Acme, L.L.C.|acme",
            "Acme LLC|acme",
            "Acme Company Limited|acme",
            "Acme Corporation|acme",
            "Siemens GmbH|siemens",
            "Tesco PLC|tesco",
            "Big Blue Co|bigblue",
            "Acme Holdings Ltd|acmeholdings",
            "华为技术股份有限公司|华为技术",
            "中国石油集团有限公司|中国石油",
            "阿里巴巴集团|阿里巴巴",
            "腾讯科技（深圳）有限公司|腾讯科技深圳",
            "北京某某有限责任公司|北京某某",
            "某某集团公司|某某",
            "有限公司|有限",
            "公司|公司",
            "Acme 有限 公司|acme",
            "《Acme》 Ltd|acme",
            "Company|company",
            " ... |NULL",
            "西门子（中国）有限公司|西门子",
            "西门子有限公司（中国）|西门子",
            "Ｓｉｅｍｅｎｓ （ 中国 ） 有限公司|siemens",
            "华为技术股份|华为技术",
            "某某股份公司|某某",
            "中国银行|中国银行",
            "（中国）|NULL",
    })
    void normalisesCompanyNames(String raw, String expected) {
        assertThat(Normalizers.apply(NormalizeMode.COMPANY, raw)).isEqualTo(expected);
    }

    @Property
    void isIdempotentForTextEmailAndCompany(@ForAll("messyText") String raw) {
        for (NormalizeMode mode : new NormalizeMode[] {NormalizeMode.TEXT, NormalizeMode.EMAIL, NormalizeMode.COMPANY}) {
            String once = Normalizers.apply(mode, raw);
            assertThat(Normalizers.apply(mode, once)).as(mode + " of %s", raw).isEqualTo(once);
        }
    }

    @Property
    void neverThrowsOnAnyString(@ForAll String raw) {
        for (NormalizeMode mode : NormalizeMode.values()) {
            assertThatCode(() -> Normalizers.apply(mode, raw)).doesNotThrowAnyException();
        }
    }

    @Property
    void neverThrowsOnMessyText(@ForAll("messyText") String raw) {
        for (NormalizeMode mode : NormalizeMode.values()) {
            String result = Normalizers.apply(mode, raw);
            assertThat(result).isNotEqualTo("");
        }
    }

    /** Strings built from the characters the rules care about, so the interesting paths are actually taken. */
    @Provide
    Arbitrary<String> messyText() {
        Arbitrary<String> pieces = Arbitraries.of(" ", "\t", "\u00A0", "\u3000", "\n", "Ａ", "ｃ", "．", "，", "(", ")",
                "co", "ltd", "inc", "l", "c", "llc", "company", "limited", "有限", "公司", "集团", "股份", "责任",
                "有", "限", "公", "司", "中国", "中", "国", "（中国）", "+", "00", "86", "0", "1", "Σ", "İ", "a", "Z", "é", "-", ".", "·", "「");
        Arbitrary<String> messy = pieces.list().ofMaxSize(12).map(list -> String.join("", list));
        return Arbitraries.oneOf(messy, Arbitraries.strings().ofMaxLength(20));
    }
}
