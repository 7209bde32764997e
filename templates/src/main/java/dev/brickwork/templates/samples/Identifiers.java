package dev.brickwork.templates.samples;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Numbers that must never repeat (a duplicate rule blocks on them): mobiles, landlines, unified social credit codes,
 * bank serial numbers. Each is a bijection of a running counter, offset by the seed, so every one is unique and the
 * set still differs between seeds.
 */
final class Identifiers {

    private static final long EIGHT_DIGITS = 100_000_000L;
    /** Odd and not a multiple of 5, so multiplying by it permutes 0..10^8-1. */
    private static final long SPREAD = 48_271L;
    private static final List<String> MOBILE_PREFIXES = List.of("130", "131", "132", "133", "135", "136", "137", "138",
            "139", "150", "151", "152", "155", "156", "157", "158", "159", "176", "177", "180", "181", "182", "185",
            "186", "187", "188", "189", "191", "198", "199");
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final long offset;
    private long mobiles;
    private long landlines;
    private long creditCodes;
    private long serials;

    Identifiers(long seed) {
        this.offset = Math.floorMod(seed * 7_919L, EIGHT_DIGITS);
    }

    /** An 11-digit mainland mobile; the last eight digits alone never repeat. */
    String mobile(Dice dice) {
        return dice.pick(MOBILE_PREFIXES) + eight(mobiles++);
    }

    /** A landline in the city's area code, {@code 021-6xxxxxxx}. */
    String landline(Geography.City city) {
        String digits = eight(landlines++ + 31_337L);
        // local numbers never start with 0 or 1
        char first = (char) ('2' + (digits.charAt(0) - '0') % 8);
        return city.areaCode() + "-" + first + digits.substring(1);
    }

    /** An 18-character unified social credit code (GB 32100-2015) with a correct check character. */
    String creditCode(Geography.City city) {
        long n = permuted(creditCodes++);
        StringBuilder code = new StringBuilder("91").append(city.divisionCode());
        StringBuilder organisation = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            organisation.append(USCC_CHARS.charAt((int) (n % 31)));
            n /= 31;
        }
        code.append(organisation.reverse());
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.append(USCC_CHARS.charAt(check)).toString();
    }

    /** A bank's transaction serial: the day, then eight digits that never repeat. */
    String bankSerial(LocalDate day) {
        return day.format(DateTimeFormatter.BASIC_ISO_DATE) + eight(serials++ + 77_777L);
    }

    private String eight(long counter) {
        return String.format("%08d", permuted(counter));
    }

    private long permuted(long counter) {
        return Math.floorMod(counter * SPREAD + offset, EIGHT_DIGITS);
    }
}
