package dev.brickwork.designer;

import dev.brickwork.forms.model.RuleDefinition.NormalizeMode;
import dev.brickwork.forms.normalize.Normalizers;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicate rules are indexed on the SQL normalisers and checked in Java too (imports, pre-checks): the two must
 * give the same answer for every input. Random strings over an alphabet of the characters the rules care about.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class NormalizerAgreementTest {

    private static final String[] PIECES = {
        "a", "B", "z", "Acme", "É", "ö", "Ω", "0", "7", "86", "00", "+", "-", "(", ")", ".", ",", "'", "\"", "_", "/", "\\",
        " ", "  ", "\t", "\n", "\u000b", "\u00a0", "\u3000", "Ａ", "ｚ", "０", "９", "＋", "（", "）", "，", "。", "、", "·",
        "「", "」", "有限", "公司", "有限公司", "股份", "责任", "集团", "阿里巴巴", "co", "ltd", "inc", "llc", "l l c",
        "company", "limited", "corp", "gmbh", "plc", " co", " ltd", " Inc.", "@", "Mail@Example.COM", "138", "4420",
        "中国", "中", "国", "（中国）", "(中 国)", "西门子", "股份公司",
    };

    @Test
    void javaAndSqlNormalisersAgreeOnRandomInput() throws SQLException {
        Random random = new Random(20261122);
        List<String> inputs = new ArrayList<>(List.of("Acme Co., Ltd.", "ＡＣＭＥ　Inc", "阿里巴巴网络技术有限公司", "a 公 司",
                "+44 (0)20 7946 0018", "8613812345678", " Mail@Example.COM ", "有限公司", "Inc", "",
                "西门子（中国）有限公司", "华为技术股份", "Ｓｉｅｍｅｎｓ （ 中国 ） 有限公司", "（中国）"));
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            int pieces = random.nextInt(8);
            for (int p = 0; p < pieces; p++) {
                s.append(PIECES[random.nextInt(PIECES.length)]);
            }
            inputs.add(s.toString());
        }

        List<String> disagreements = new ArrayList<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement query = c.prepareStatement(
                "SELECT t, brickwork.norm_text(t), brickwork.norm_email(t), brickwork.norm_phone(t), brickwork.norm_company(t)"
                        + " FROM unnest(?::text[]) AS t")) {
            Array array = c.createArrayOf("text", inputs.toArray());
            query.setArray(1, array);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String input = rows.getString(1);
                    NormalizeMode[] modes = {NormalizeMode.TEXT, NormalizeMode.EMAIL, NormalizeMode.PHONE, NormalizeMode.COMPANY};
                    for (int m = 0; m < modes.length; m++) {
                        String inJava = Normalizers.apply(modes[m], input);
                        String sql = rows.getString(m + 2);
                        if (!Objects.equals(inJava, sql)) {
                            disagreements.add(modes[m].name().toLowerCase(Locale.ROOT) + "(" + input.codePoints()
                                    .mapToObj(Integer::toHexString).toList() + "): java=" + inJava + " sql=" + sql);
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }
}
