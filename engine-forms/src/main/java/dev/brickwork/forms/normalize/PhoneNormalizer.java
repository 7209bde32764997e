package dev.brickwork.forms.normalize;

import java.util.Set;

/** The {@code phone} rule of {@link Normalizers}; returns "" for nothing. */
final class PhoneNormalizer {

    /** Country calling codes of two digits (ITU E.164); any other code not starting with 1 or 7 has three. */
    static final Set<String> TWO_DIGIT_CODES = Set.of(
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
            "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
            "86", "90", "91", "92", "93", "94", "95", "98");

    private PhoneNormalizer() {
    }

    static String normalize(String raw) {
        String trimmed = trimWhitespace(Normalizers.foldWidth(raw));
        boolean plus = trimmed.startsWith("+");
        boolean doubleZero = !plus && trimmed.startsWith("00");
        String digits = digitsOf(trimmed);
        if (doubleZero) {
            digits = digits.substring(2);
        }
        if (plus || doubleZero) {
            digits = digits.substring(Math.min(digits.length(), countryCodeLength(digits)));
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        if (digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        return digits;
    }

    private static int countryCodeLength(String digits) {
        if (digits.startsWith("1") || digits.startsWith("7")) {
            return 1;
        }
        if (digits.length() >= 2 && TWO_DIGIT_CODES.contains(digits.substring(0, 2))) {
            return 2;
        }
        return 3;
    }

    private static String digitsOf(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String trimWhitespace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Normalizers.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Normalizers.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
