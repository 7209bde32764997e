package dev.brickwork.templates.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.model.RuleDefinition.NormalizeMode;
import dev.brickwork.forms.normalize.Normalizers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CrmSampleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private static List<SampleRecord> small(long seed) {
        return SampleGenerators.generate(SampleGenerators.CRM, SampleSize.SMALL, seed, TODAY).orElseThrow().records().toList();
    }

    private static List<String> written(List<SampleRecord> records) {
        return records.stream().map(r -> r.form() + " " + r.handle() + " " + r.change() + " " + r.owner() + " " + r.fields())
                .toList();
    }

    @Test
    void theSameSeedAndDayGiveTheSameRecordsAndUsers() {
        assertThat(written(small(7))).isEqualTo(written(small(7)));
        SampleSet set = SampleGenerators.generate(SampleGenerators.CRM, SampleSize.SMALL, 7, TODAY).orElseThrow();
        assertThat(written(set.records().toList())).as("each run of one set is the same").isEqualTo(written(small(7)));
        assertThat(set.users()).isEqualTo(SampleGenerators.generate(SampleGenerators.CRM, SampleSize.SMALL, 7, TODAY)
                .orElseThrow().users());
    }

    @Test
    void differentSeedsGiveDifferentData() {
        List<String> one = written(small(1));
        List<String> two = written(small(2));
        assertThat(one).isNotEqualTo(two);
        assertThat(names(small(1), "customer")).isNotEqualTo(names(small(2), "customer"));
    }

    @Test
    void theGeneratorsFormsAreTheOnesItsRecordsAreWrittenTo() {
        for (SampleSize size : List.of(SampleSize.TINY, SampleSize.SMALL)) {
            Set<String> written = SampleGenerators.generate(SampleGenerators.CRM, size, 5, TODAY).orElseThrow().records()
                    .map(SampleRecord::form).collect(java.util.stream.Collectors.toSet());
            assertThat(SampleGenerators.forms(SampleGenerators.CRM)).as(size.json()).contains(written);
        }
        assertThat(SampleGenerators.forms("erp-sample")).isEmpty();
    }

    @Test
    void theTinySetHasEveryKindOfRecordInAFewHundredWrites() {
        List<SampleRecord> tiny = SampleGenerators.generate(SampleGenerators.CRM, SampleSize.TINY, 5, TODAY).orElseThrow()
                .records().toList();
        assertThat(tiny).hasSizeBetween(100, 600);
        assertThat(tiny.stream().map(SampleRecord::form).distinct()).containsExactlyInAnyOrderElementsOf(
                SampleGenerators.forms(SampleGenerators.CRM).orElseThrow());
    }

    @Test
    void anUnknownGeneratorGivesNothing() {
        assertThat(SampleGenerators.generate("erp-sample", SampleSize.SMALL, 1, TODAY)).isEmpty();
        assertThat(SampleSize.fromJson("huge")).isEmpty();
        assertThat(SampleSize.fromJson("medium")).contains(SampleSize.MEDIUM);
    }

    @Test
    void everyReferenceNamesARecordUserOrDepartmentMadeEarlier() {
        SampleSet set = SampleGenerators.generate(SampleGenerators.CRM, SampleSize.SMALL, 3, TODAY).orElseThrow();
        Set<String> users = set.users().stream().map(SampleUser::handle).collect(Collectors.toSet());
        Set<String> departments = set.users().stream().map(SampleUser::department).collect(Collectors.toSet());
        Set<String> created = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        set.groupStream().forEach(group -> {
            for (SampleRecord record : group) {
                SampleRefs.markers(record.fields(), marker -> {
                    boolean known = switch (marker.kind()) {
                        case SampleRefs.RECORD -> created.contains(marker.name());
                        case SampleRefs.USER -> users.contains(marker.name());
                        default -> departments.contains(marker.name());
                    };
                    if (!known) {
                        wrong.add(record.handle() + " → " + marker);
                    }
                });
                if (record.owner() != null && !users.contains(record.owner())) {
                    wrong.add(record.handle() + " owner " + record.owner());
                }
                if (record.change()) {
                    if (!created.contains(record.handle())) {
                        wrong.add("change of " + record.handle() + " before it exists");
                    }
                } else if (!created.add(record.handle())) {
                    wrong.add("second create of " + record.handle());
                }
                assertThat(record.handle()).startsWith(record.form() + "/");
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(created).hasSizeGreaterThan(2000);
    }

    @Test
    void markersAreReplacedByTheIdsTheLoaderGot() {
        SampleRecord quote = small(5).stream().filter(r -> r.form().equals("quote")).findFirst().orElseThrow();
        JsonNode resolved = SampleRefs.resolve(quote.fields(), marker -> marker.kind() + ":" + marker.name());
        assertThat(resolved.get("opportunity").asText()).startsWith("$ref:opportunity/");
        assertThat(resolved.get("items").get(0).get("product").asText()).startsWith("$ref:product/");
        List<SampleRefs.Marker> left = new ArrayList<>();
        SampleRefs.markers(resolved, left::add);
        assertThat(left).isEmpty();
        assertThat(quote.fields().get("opportunity").isObject()).as("the generated record is left as it was").isTrue();
    }

    @Test
    void customerNamesAndMobilesNeverBlockEachOther() {
        List<SampleRecord> records = SampleGenerators.generate(SampleGenerators.CRM, SampleSize.MEDIUM, 11, TODAY)
                .orElseThrow().records().toList();
        List<String> customers = names(records, "customer");
        assertThat(customers.stream().map(n -> Normalizers.apply(NormalizeMode.COMPANY, n)).distinct().count())
                .isEqualTo(customers.size());
        List<String> mobiles = records.stream().filter(r -> !r.change() && r.fields().has("mobile"))
                .map(r -> Normalizers.apply(NormalizeMode.PHONE, r.fields().get("mobile").asText())).toList();
        assertThat(mobiles).hasSizeGreaterThan(4000).doesNotHaveDuplicates();
        assertThat(mobiles).allMatch(m -> m.matches("1[3-9]\\d{9}"));
        List<String> serials = values(records, "payment", "bank_serial_no");
        assertThat(serials).doesNotHaveDuplicates();
        List<String> codes = values(records, "customer", "uscc");
        assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("91\\d{6}[0-9A-HJ-NPQRTUWXY]{10}"));
        assertThat(values(records, "customer", "name")).allMatch(n -> n.endsWith("有限公司"));
    }

    @Test
    void wonOpportunitiesHaveContractsWhosePlansAddUpAndMostPaymentsAreConfirmed() {
        List<SampleRecord> records = small(9);
        Map<String, BigDecimal> contractAmount = new HashMap<>();
        Map<String, BigDecimal> planned = new HashMap<>();
        Map<String, String> finalStatus = new HashMap<>();
        Set<String> contractOpportunities = new HashSet<>();
        long won = 0;
        for (SampleRecord r : records) {
            JsonNode f = r.fields();
            switch (r.form()) {
                case "opportunity" -> won += f.get("stage").asText().equals("won") ? 1 : 0;
                case "contract" -> {
                    if (r.change()) {
                        finalStatus.put(r.handle(), f.get("status").asText());
                    } else {
                        contractAmount.put(r.handle(), new BigDecimal(f.get("amount").asText()));
                        contractOpportunities.add(f.get("opportunity").get(SampleRefs.RECORD).asText());
                        assertThat(f.get("status").asText()).as("a contract starts as a draft").isEqualTo("draft");
                    }
                }
                case "payment_plan" -> planned.merge(f.get("contract").get(SampleRefs.RECORD).asText(),
                        new BigDecimal(f.get("planned_amount").asText()), BigDecimal::add);
                default -> {
                }
            }
        }
        assertThat(won).isPositive();
        assertThat(contractAmount).hasSize((int) won);
        assertThat(contractOpportunities).hasSize((int) won);
        contractAmount.forEach((contract, amount) -> assertThat(planned.get(contract)).as(contract).isEqualByComparingTo(amount));
        assertThat(finalStatus.keySet()).isEqualTo(contractAmount.keySet());
        assertThat(finalStatus.values()).contains("active", "completed");

        List<String> statuses = values(records, "payment", "status");
        long confirmed = statuses.stream().filter("confirmed"::equals).count();
        assertThat(confirmed).isGreaterThan(statuses.size() * 8L / 10);
    }

    @Test
    void someDuePlansAreUnpaid() {
        List<SampleRecord> records = small(4);
        Set<String> paidPlans = records.stream().filter(r -> r.form().equals("payment"))
                .map(r -> r.fields().get("payment_plan").get(SampleRefs.RECORD).asText()).collect(Collectors.toSet());
        long overdue = records.stream().filter(r -> r.form().equals("payment_plan"))
                .filter(r -> LocalDate.parse(r.fields().get("planned_date").asText()).isBefore(TODAY))
                .filter(r -> !paidPlans.contains(r.handle())).count();
        assertThat(overdue).isPositive();
    }

    @Test
    void valuesAreWrittenAsTheRecordsApiTakesThem() {
        List<String> wrong = new ArrayList<>();
        for (SampleRecord r : small(6)) {
            r.fields().fields().forEachRemaining(field -> check(r.form() + "." + field.getKey(), field.getKey(), field.getValue(),
                    wrong));
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(String where, String key, JsonNode value, List<String> wrong) {
        if (value.isArray()) {
            value.forEach(row -> row.fields().forEachRemaining(cell -> check(where + "[]." + cell.getKey(), cell.getKey(),
                    cell.getValue(), wrong)));
            return;
        }
        boolean ok;
        if (key.endsWith("_date") || key.equals("valid_until") || key.equals("birthday") || key.equals("first_deal_at")) {
            ok = value.isTextual() && parses(() -> LocalDate.parse(value.asText()));
        } else if (key.endsWith("_at")) {
            ok = value.isTextual() && parses(() -> OffsetDateTime.parse(value.asText()));
        } else if (key.endsWith("amount") || key.endsWith("price") || key.equals("budget") || key.equals("actual_cost")) {
            ok = value.isTextual() && value.asText().matches("\\d+\\.\\d{2}") && new BigDecimal(value.asText()).signum() > 0;
        } else if (key.equals("probability") || key.equals("max_discount") || key.equals("tax_rate") && value.isNumber()) {
            ok = value.isNumber() && value.decimalValue().compareTo(BigDecimal.ZERO) >= 0
                    && value.decimalValue().compareTo(BigDecimal.ONE) <= 0;
        } else if (key.equals("email")) {
            ok = value.asText().matches("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
        } else if (key.equals("mobile") || key.equals("telephone")) {
            ok = value.asText().matches("[0-9-]{11,13}");
        } else {
            ok = value.isTextual() && !value.asText().isBlank() || value.isNumber() || value.isBoolean() || value.isObject();
        }
        if (!ok) {
            wrong.add(where + " = " + value);
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void theLargeSetIsTheMidSizeCompanyOfTheIssue() {
        SampleSet set = SampleGenerators.generate(SampleGenerators.CRM, SampleSize.LARGE, 1, TODAY).orElseThrow();
        Map<String, Long> created = set.records().filter(r -> !r.change())
                .collect(Collectors.groupingBy(SampleRecord::form, Collectors.counting()));
        assertThat(set.users()).hasSize(30);
        assertThat(created.get("customer")).isEqualTo(20_000);
        assertThat(created.get("contact")).isEqualTo(40_000);
        assertThat(created.get("opportunity")).isEqualTo(30_000);
        assertThat(created.get("follow_up")).isEqualTo(50_000);
        assertThat(created.get("ticket")).isEqualTo(5_000);
        assertThat(created.get("contract")).isBetween(9_500L, 10_500L);
        assertThat(created.get("payment_plan")).isGreaterThan(created.get("contract"));
        assertThat(created.get("payment")).isGreaterThan(created.get("contract"));
    }

    @Test
    void usersFillTheStarterDepartmentsWithOneManagerEach() {
        for (SampleSize size : SampleSize.values()) {
            List<SampleUser> users = SampleGenerators.generate(SampleGenerators.CRM, size, 1, TODAY).orElseThrow().users();
            assertThat(users).hasSize(size.counts().users());
            assertThat(users.stream().map(SampleUser::username)).doesNotHaveDuplicates()
                    .allMatch(u -> u.matches("[a-z][a-z0-9]*"));
            Map<String, Long> managers = users.stream().filter(SampleUser::manages)
                    .collect(Collectors.groupingBy(SampleUser::department, Collectors.counting()));
            assertThat(managers).containsOnlyKeys("总部", "总部/销售部", "总部/销售部/华东", "总部/销售部/华北", "总部/财务部", "总部/客服部",
                            "总部/市场部")
                    .allSatisfy((department, count) -> assertThat(count).isEqualTo(1));
        }
    }

    @Test
    void amountsSpreadLikeASalesLedger() {
        List<BigDecimal> amounts = values(SampleGenerators.generate(SampleGenerators.CRM, SampleSize.MEDIUM, 2, TODAY)
                .orElseThrow().records().toList(), "opportunity", "amount").stream().map(BigDecimal::new).sorted().toList();
        BigDecimal median = amounts.get(amounts.size() / 2);
        BigDecimal top = amounts.get(amounts.size() * 99 / 100);
        assertThat(median).isBetween(new BigDecimal("30000"), new BigDecimal("200000"));
        assertThat(top).as("a long tail of big deals").isGreaterThan(median.multiply(BigDecimal.valueOf(5)));
    }

    private static List<String> names(List<SampleRecord> records, String form) {
        return values(records, form, "name");
    }

    private static List<String> values(List<SampleRecord> records, String form, String key) {
        return records.stream().filter(r -> r.form().equals(form) && !r.change() && r.fields().has(key))
                .map(r -> r.fields().get(key).asText()).toList();
    }
}
