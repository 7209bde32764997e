package dev.brickwork.forms.normalize;

import java.util.List;

/** The {@code company} rule of {@link Normalizers}, applied to text already normalised by the {@code text} rule. */
final class CompanyNormalizer {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~，。、；：（）【】《》“”‘’·「」";

    private static final List<String> ENGLISH_SUFFIXES = List.of(
            "co ltd", "company limited", "limited", "ltd", "inc", "incorporated", "llc", "l l c",
            "corp", "corporation", "co", "company", "gmbh", "plc");

    private static final List<String> CHINESE_SUFFIXES = List.of(
            "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团", "公司", "股份");

    /** "(中国)" marks a company's mainland entity (西门子（中国）有限公司); it is no part of the name. */
    private static final java.util.regex.Pattern MAINLAND = java.util.regex.Pattern.compile("\\( ?中 ?国 ?\\)");

    private CompanyNormalizer() {
    }

    static String normalize(String text) {
        String s = collapseSpaces(replacePunctuation(MAINLAND.matcher(text).replaceAll(" ")));
        boolean stripped = true;
        while (stripped) {
            int cut = suffixStart(s);
            stripped = cut > 0;
            if (stripped) {
                s = trimSpaces(s.substring(0, cut));
            }
        }
        return s.replace(" ", "");
    }

    /** Where the first matching suffix starts, or -1; a match must leave something before it. */
    private static int suffixStart(String s) {
        for (String suffix : ENGLISH_SUFFIXES) {
            String word = " " + suffix;
            if (s.endsWith(word) && s.length() > word.length()) {
                return s.length() - word.length();
            }
        }
        for (String suffix : CHINESE_SUFFIXES) {
            int start = spacedSuffixStart(s, suffix);
            // s has no leading space, so anything before the suffix is more than spaces
            if (start > 0) {
                return start;
            }
        }
        return -1;
    }

    /**
     * Matches {@code suffix} at the end of {@code s} allowing one space between its characters: spaces inside
     * a Chinese suffix disappear at the end anyway, and matching them keeps the normaliser idempotent.
     */
    private static int spacedSuffixStart(String s, String suffix) {
        int i = s.length();
        for (int k = suffix.length() - 1; k >= 0; k--) {
            if (k < suffix.length() - 1 && i > 0 && s.charAt(i - 1) == ' ') {
                i--;
            }
            if (i == 0 || s.charAt(i - 1) != suffix.charAt(k)) {
                return -1;
            }
            i--;
        }
        return i;
    }

    private static String replacePunctuation(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(PUNCTUATION.indexOf(c) >= 0 ? ' ' : c);
        }
        return out.toString();
    }

    private static String collapseSpaces(String text) {
        return trimSpaces(text.replaceAll(" +", " "));
    }

    /** Only U+0020: String.strip() would also drop other Unicode spaces, which the SQL twin keeps. */
    private static String trimSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }
}
