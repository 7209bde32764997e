package dev.brickwork.forms.normalize;

import dev.brickwork.forms.model.RuleDefinition.NormalizeMode;

/**
 * The normalisers of duplicate rules. Mirrored by SQL functions in the system schema; both must agree,
 * so the rules are written out here exactly.
 *
 * <p><b>Whitespace</b> below means exactly: space, {@code \t}, {@code \n}, {@code \r}, {@code \f}, U+000B and U+00A0.
 * <b>Width folding</b> maps U+FF01..U+FF5E to U+0021..U+007E and U+3000 to a space.
 *
 * <ul>
 * <li><b>text</b>: width folding; lower case (Unicode, locale-independent); every run of whitespace becomes one space;
 *     leading and trailing spaces are removed (spaces only, not other control characters).</li>
 * <li><b>email</b>: text, then every space is removed.</li>
 * <li><b>phone</b>: width folding; the input trimmed of whitespace has an international prefix when it starts with
 *     {@code +} or {@code 00}; keep only the ASCII digits 0-9. With a prefix: drop the {@code 00} if that was the
 *     prefix, then drop the country code: one digit if the number starts with 1 or 7, two digits if its first two are
 *     one of {@link PhoneNormalizer#TWO_DIGIT_CODES}, else three digits. Without a prefix: a number of 13 digits starting
 *     with {@code 86} loses the {@code 86}. Finally one leading {@code 0} (a trunk prefix) is dropped, so
 *     "+44 (0)20 7946 0018" and "020 7946 0018" both give "2079460018".</li>
 * <li><b>company</b>: text; every "(中国)" (with at most one space between its characters; full-width brackets are
 *     already folded) becomes a space; each ASCII punctuation character {@code !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~} and each of
 *     {@code ，。、；：（）【】《》“”‘’·「」} becomes a space; runs of spaces become one, leading and trailing spaces go.
 *     Then, repeatedly, ONE trailing legal suffix is stripped (with the spaces it leaves at the end) as long as
 *     something other than spaces remains before it; in each round the first matching suffix of this list wins:
 *     English suffixes as whole trailing words preceded by a space: "co ltd", "company limited", "limited", "ltd",
 *     "inc", "incorporated", "llc", "l l c", "corp", "corporation", "co", "company", "gmbh", "plc"; then the Chinese
 *     suffixes 股份有限公司, 有限责任公司, 集团有限公司, 有限公司, 集团, 公司, 股份, which need no separator and match even
 *     with single spaces between their characters ("有限 公司"; in SQL the regular expression {@code ' ?有 ?限 ?公 ?司$'}).
 *     Last, every space is removed.</li>
 * </ul>
 * Every mode returns null for null and for a result that is empty (blank never matches).
 * Examples: "Acme Co., Ltd." → "acme", "ＡＣＭＥ　Inc" → "acme", "阿里巴巴网络技术有限公司" → "阿里巴巴网络技术",
 * "西门子（中国）有限公司" → "西门子", "华为技术股份" → "华为技术",
 * "Costco" → "costco", "Inc" → "inc".
 */
public final class Normalizers {

    private Normalizers() {
    }

    /** The normalised text, or null when the input is null or normalises to nothing (blank never matches). */
    public static String apply(NormalizeMode mode, String raw) {
        if (raw == null || mode == null) {
            return null;
        }
        String result = switch (mode) {
            case TEXT -> text(raw);
            case EMAIL -> text(raw).replace(" ", "");
            case PHONE -> PhoneNormalizer.normalize(raw);
            case COMPANY -> CompanyNormalizer.normalize(text(raw));
        };
        return result.isEmpty() ? null : result;
    }

    static String text(String raw) {
        String folded = foldWidth(raw).toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = true;
                continue;
            }
            // leading whitespace is dropped because a space is only written between two non-space characters
            if (pendingSpace && out.length() > 0) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
        return out.toString();
    }

    static String foldWidth(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00A0';
    }
}
