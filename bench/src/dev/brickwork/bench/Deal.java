package dev.brickwork.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/** One set of field values, as JSON for the API and typed for JDBC. */
record Deal(String title, String customer, String email, String phone, String stage, BigDecimal amount,
            BigDecimal probability, LocalDate closeDate, String note, String region, long priority, boolean active,
            String body) {

    static final String[] STAGES = {"open", "open", "won", "lost"};
    static final String[] REGIONS = {"north", "south", "east", "west"};
    static final int VALUE_SETS = 4096;

    /** The value sets phase A's clients take turns with, the same on every run (seed 42). */
    static Deal[] valueSets() {
        Deal[] deals = new Deal[VALUE_SETS];
        Random random = new Random(42);
        for (int i = 0; i < VALUE_SETS; i++) {
            deals[i] = random(random, i);
        }
        return deals;
    }

    static Deal random(Random random, int i) {
        int customer = random.nextInt(5000);
        String title = "Renewal " + (2026 + random.nextInt(3)) + " for customer " + customer + " #" + i;
        String name = "Customer " + customer + " Trading Co., Ltd.";
        String email = "buyer" + customer + "@example.com";
        String phone = String.format(Locale.ROOT, "+86 138 %04d %04d", random.nextInt(10000), random.nextInt(10000));
        String stage = STAGES[random.nextInt(STAGES.length)];
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(50_000_000), 2);
        BigDecimal probability = BigDecimal.valueOf(random.nextInt(101));
        LocalDate close = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730));
        String note = "Followed up by phone; customer asked for a revised quote with " + (1 + random.nextInt(20))
                + " seats";
        String region = REGIONS[random.nextInt(REGIONS.length)];
        long priority = 1 + random.nextInt(5);
        boolean active = random.nextBoolean();
        String body = "{\"fields\": {\"title\": " + Api.json(title) + ", \"customer_name\": " + Api.json(name)
                + ", \"email\": " + Api.json(email) + ", \"phone\": " + Api.json(phone) + ", \"stage\": " + Api.json(stage)
                + ", \"amount\": \"" + amount.toPlainString() + "\", \"probability\": " + probability.toPlainString()
                + ", \"close_date\": \"" + close + "\", \"owner_note\": " + Api.json(note) + ", \"region\": "
                + Api.json(region) + ", \"priority\": " + priority + ", \"active\": " + active + "}}";
        return new Deal(title, name, email, phone, stage, amount, probability, close, note, region, priority, active, body);
    }

    /** The value set client {@code thread} uses for its {@code i}-th record. */
    static Deal pick(Deal[] deals, int thread, int i) {
        return deals[(thread * 613 + i) % VALUE_SETS];
    }
}
