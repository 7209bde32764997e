package dev.brickwork.templates.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

import static dev.brickwork.templates.samples.CrmVocabulary.*;
import static dev.brickwork.templates.samples.SampleRefs.record;
import static dev.brickwork.templates.samples.SampleRefs.user;

/**
 * The {@code crm-sample} data set for the CRM starter (/work/shared/CRM-TEMPLATE.md field keys): products, campaigns
 * and leads first, then one group per customer holding its contacts, opportunities, quotes, contracts with payment
 * plans and payments, follow-ups and tickets. Sizes and proportions are planned up front from the seed; the records
 * are made as the groups are pulled, so even the large set is never in memory at once.
 */
final class CrmSample {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SampleSize size;
    private final LocalDate today;
    private final LocalDate start;
    private final Dice dice;
    private final Identifiers ids;
    private final Companies companies = new Companies();
    private final List<SampleUser> users;
    private final Team eastTeam;
    private final Team northTeam;
    private final List<Catalog.Product> products;
    private final List<Catalog.Product> activeProducts;
    private final List<LocalDate> campaignStarts = new ArrayList<>();
    private final int[] contactsOf;
    private final int[] opportunitiesOf;
    private final int[] followUpsOf;
    private final int[] ticketsOf;
    private final int[] leadFollowUps;
    private final boolean[] fromLead;
    private final String[] leadStatus;
    private int contacts;
    private int opportunities;
    private int quotes;
    private int contracts;
    private int plans;
    private int payments;
    private int followUps;
    private int tickets;
    private int leads;

    private CrmSample(SampleSize size, long seed, LocalDate today, List<SampleUser> users) {
        this.size = size;
        this.today = today;
        this.start = today.minusDays(730);
        this.dice = new Dice(seed);
        this.ids = new Identifiers(seed);
        this.users = users;
        this.eastTeam = Team.of(users, Staff.EAST);
        this.northTeam = Team.of(users, Staff.NORTH);
        SampleSize.Counts counts = size.counts();
        this.products = Catalog.products(dice, counts.products());
        this.activeProducts = products.stream().filter(Catalog.Product::active).toList();
        int customers = counts.customers();
        double[] weight = new double[customers];
        fromLead = new boolean[customers];
        for (int i = 0; i < customers; i++) {
            weight[i] = dice.logNormal(1, 0.9, 0.05, 30);
            fromLead[i] = dice.chance(0.25);
        }
        contactsOf = allocate(Math.max(0, counts.contacts() - customers), weight, 1);
        opportunitiesOf = allocate(counts.opportunities(), weight, 0);
        int toLeads = counts.followUps() * 15 / 100;
        followUpsOf = allocate(counts.followUps() - toLeads, weight, 0);
        ticketsOf = allocate(counts.tickets(), weight, 0);
        leadStatus = new String[counts.leads()];
        double[] followed = new double[counts.leads()];
        for (int i = 0; i < leadStatus.length; i++) {
            leadStatus[i] = dice.weighted(LEAD_STATUSES, LEAD_STATUS_WEIGHTS);
            // nobody has called a new lead yet
            followed[i] = leadStatus[i].equals("new") ? 0 : 1;
        }
        leadFollowUps = allocate(toLeads, followed, 0);
    }

    static SampleSet generate(SampleSize size, long seed, LocalDate today) {
        List<SampleUser> users = Staff.of(size, seed);
        return new SampleSet(SampleGenerators.CRM, size, seed, users, () -> {
            CrmSample sample = new CrmSample(size, seed, today, users);
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(sample.groups(),
                    Spliterator.ORDERED | Spliterator.NONNULL), false);
        });
    }

    /** Products, campaigns and leads one by one, then the customers with everything they hold. */
    private Iterator<List<SampleRecord>> groups() {
        SampleSize.Counts counts = size.counts();
        return new Iterator<>() {
            private int stage;
            private int index;

            @Override
            public boolean hasNext() {
                while (stage < 4 && index >= total(stage)) {
                    stage++;
                    index = 0;
                }
                return stage < 4;
            }

            @Override
            public List<SampleRecord> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = index++;
                return switch (stage) {
                    case 0 -> List.of(product(products.get(i)));
                    case 1 -> List.of(campaign(i));
                    case 2 -> lead(i);
                    default -> customer(i);
                };
            }

            private int total(int stage) {
                return switch (stage) {
                    case 0 -> products.size();
                    case 1 -> counts.campaigns();
                    case 2 -> counts.leads();
                    default -> counts.customers();
                };
            }
        };
    }

    // ---- products and campaigns

    private SampleRecord product(Catalog.Product p) {
        ObjectNode f = Values.object();
        f.put("name", p.name());
        f.put("spec", p.spec());
        f.put("category", p.category());
        f.put("unit", p.unit());
        f.set("list_price", Values.money(p.listPrice()));
        f.set("cost_price", Values.money(p.costPrice()));
        f.set("max_discount", Values.percent(p.maxDiscount()));
        f.put("tax_rate", p.taxRate());
        f.put("status", p.active() ? "active" : "inactive");
        f.put("description", p.name() + "（" + p.spec() + "），按" + unitLabel(p.unit()) + "计价。");
        return SampleRecord.create("product", "product/" + p.index(), null, f);
    }

    private SampleRecord campaign(int i) {
        int type = dice.weighted(18, 14, 12, 16, 12, 10, 10, 8);
        LocalDate begins = dice.dayBetween(start, today.plusDays(45));
        LocalDate ends = begins.plusDays(type == 0 || type == 1 ? dice.between(1, 3) : dice.between(14, 60));
        campaignStarts.add(begins);
        String status = dice.chance(0.05) ? "cancelled" : ends.isBefore(today) ? "completed"
                : begins.isAfter(today) ? "planning" : "active";
        BigDecimal budget = dice.money(60_000, 0.7, 5_000, 800_000, 1_000);
        ObjectNode f = Values.object();
        f.put("name", begins.getYear() + "年" + season(begins) + CAMPAIGN_WORDS.get(type) + (i + 1 > CAMPAIGN_WORDS.size()
                ? "（" + (i + 1) + "）" : ""));
        f.put("type", CAMPAIGN_TYPES.get(type));
        f.put("status", status);
        f.set("start_date", Values.date(begins));
        f.set("end_date", Values.date(ends));
        f.set("budget", Values.money(budget));
        if (status.equals("completed") || status.equals("active")) {
            double spent = status.equals("completed") ? 0.7 + 0.4 * dice.unit() : 0.2 + 0.5 * dice.unit();
            f.set("actual_cost", Values.money(budget.multiply(BigDecimal.valueOf(spent))));
        }
        return SampleRecord.create("campaign", "campaign/" + i, marketing(), f);
    }

    // ---- leads

    /** A lead never converted, with the follow-ups on it. */
    private List<SampleRecord> lead(int i) {
        List<SampleRecord> group = new ArrayList<>();
        String status = leadStatus[i];
        Geography.City city = Geography.city(dice);
        LocalDate created = status.equals("new") || status.equals("assigned")
                ? dice.dayBetween(today.minusDays(20), today.minusDays(1)) : dice.dayBetween(start, today.minusDays(3));
        String owner = status.equals("new") ? marketing() : rep(city.region());
        String handle = "lead/" + leads++;
        ObjectNode f = leadFields(city, created, status);
        if (status.equals("unqualified")) {
            f.put("unqualified_reason", dice.weighted(List.of("unreachable", "no_need", "no_budget", "duplicate", "other"),
                    30, 30, 25, 5, 10));
        }
        List<ObjectNode> follows = new ArrayList<>();
        for (int k = 0; k < leadFollowUps[i]; k++) {
            ObjectNode follow = followFields(dice.dayBetween(created, today.minusDays(1)), null);
            follow.set("lead", record(handle));
            follows.add(follow);
        }
        lastFollow(follows).ifPresent(last -> f.set("last_follow_at", last));
        group.add(SampleRecord.create("lead", handle, owner, f));
        for (ObjectNode follow : follows) {
            group.add(SampleRecord.create("follow_up", "follow_up/" + followUps++, owner, follow));
        }
        return group;
    }

    private ObjectNode leadFields(Geography.City city, LocalDate created, String status) {
        People.Person person = People.person(dice);
        String industry = industry();
        Companies.Company company = companies.next(dice, city, industry);
        String source = dice.weighted(SOURCES, SOURCE_WEIGHTS);
        ObjectNode f = Values.object();
        f.put("name", person.name());
        f.put("company_name", company.name());
        f.put("title", dice.pick(TITLES));
        f.put("mobile", ids.mobile(dice));
        f.put("email", person.initials() + "@" + company.domain());
        f.put("region", city.region());
        f.put("province", city.province());
        f.put("city", city.name());
        f.put("address", Geography.address(dice, city));
        f.put("source", source);
        f.put("industry", industry);
        f.put("rating", dice.weighted(List.of("hot", "warm", "cold"), 20, 45, 35));
        f.put("status", status);
        String campaign = campaignAround(created);
        if (campaign != null && (source.equals("trade_show") || source.equals("ads") || source.equals("promotion")
                || source.equals("search_engine"))) {
            f.set("campaign", record(campaign));
        }
        if (dice.chance(0.6)) {
            f.set("expected_amount", Values.money(dice.money(60_000, 1.0, 5_000, 3_000_000, 1_000)));
        }
        LocalDateTime assigned = at(created);
        if (!status.equals("new")) {
            f.set("assigned_at", Values.dateTime(assigned));
        }
        if (!status.equals("new") && !status.equals("assigned")) {
            f.set("first_response_at", Values.dateTime(assigned.plusMinutes(dice.between(10, 60 * 30))));
        }
        if (status.equals("working") || status.equals("qualified")) {
            f.set("next_follow_at", Values.dateTime(at(today.plusDays(dice.between(1, 10)))));
        }
        return f;
    }

    // ---- customers and everything they hold

    private List<SampleRecord> customer(int i) {
        List<SampleRecord> group = new ArrayList<>();
        Geography.City city = Geography.city(dice);
        String industry = industry();
        Companies.Company company = companies.next(dice, city, industry);
        String owner = rep(city.region());
        LocalDate since = dice.dayBetween(start, today.minusDays(20));
        String handle = "customer/" + i;
        List<Deal> deals = new ArrayList<>();
        List<String> projects = new ArrayList<>(PROJECTS);
        for (int k = 0; k < opportunitiesOf[i]; k++) {
            String project = projects.isEmpty() ? "项目" + (k + 1) : projects.remove(dice.between(0, projects.size() - 1));
            deals.add(deal(company.shortName() + project, since));
        }
        LocalDate firstWon = deals.stream().filter(Deal::won).map(d -> d.closed).min(LocalDate::compareTo).orElse(null);

        String leadHandle = null;
        if (fromLead[i]) {
            leadHandle = "lead/" + leads++;
            ObjectNode lead = leadFields(city, since.minusDays(dice.between(3, 40)), "converted");
            lead.put("company_name", company.name());
            group.add(SampleRecord.create("lead", leadHandle, owner, lead));
        }
        group.add(SampleRecord.create("customer", handle, owner, customerFields(i, company, city, since, firstWon,
                !deals.isEmpty())));

        List<String> contactHandles = new ArrayList<>();
        for (int k = 0; k < contactsOf[i]; k++) {
            String contact = "contact/" + contacts++;
            contactHandles.add(contact);
            group.add(SampleRecord.create("contact", contact, owner, contactFields(handle, company, k == 0)));
        }

        List<String> contractHandles = new ArrayList<>();
        List<Catalog.Product> bought = new ArrayList<>();
        String firstOpportunity = null;
        for (Deal deal : deals) {
            String opportunity = "opportunity/" + opportunities++;
            firstOpportunity = firstOpportunity == null ? opportunity : firstOpportunity;
            String contact = dice.pick(contactHandles);
            group.add(SampleRecord.create("opportunity", opportunity, owner,
                    opportunityFields(deal, handle, contact, firstOpportunity.equals(opportunity) ? leadHandle : null)));
            String accepted = null;
            for (Quote quote : deal.quotes) {
                String quoteHandle = "quote/" + quotes++;
                accepted = quote.status.equals("accepted") ? quoteHandle : accepted;
                group.add(SampleRecord.create("quote", quoteHandle, owner,
                        quoteFields(quote, opportunity, handle, contact, owner)));
            }
            if (deal.won()) {
                String contract = "contract/" + contracts++;
                contractHandles.add(contract);
                deal.accepted().lines.forEach(line -> bought.add(line.product));
                contract(group, deal, contract, handle, opportunity, accepted, contactHandles.get(0), owner);
            }
        }
        if (leadHandle != null) {
            ObjectNode converted = Values.object();
            converted.set("converted_customer", record(handle));
            converted.set("converted_contact", record(contactHandles.get(0)));
            if (firstOpportunity != null) {
                converted.set("converted_opportunity", record(firstOpportunity));
            }
            converted.set("converted_at", Values.dateTime(at(since)));
            group.add(SampleRecord.change("lead", leadHandle, converted));
        }
        List<ObjectNode> follows = new ArrayList<>();
        for (int k = 0; k < followUpsOf[i]; k++) {
            ObjectNode follow = followFields(dice.dayBetween(since, today.minusDays(1)), company);
            follow.set("customer", record(handle));
            if (dice.chance(0.7)) {
                follow.set("contact", record(dice.pick(contactHandles)));
            }
            if (!deals.isEmpty() && dice.chance(0.5)) {
                follow.set("opportunity", record("opportunity/" + (opportunities - 1 - dice.between(0, deals.size() - 1))));
            }
            follows.add(follow);
            group.add(SampleRecord.create("follow_up", "follow_up/" + followUps++, owner, follow));
        }
        for (int k = 0; k < ticketsOf[i]; k++) {
            group.add(ticket(handle, dice.pick(contactHandles), contractHandles, bought, since));
        }
        // what a user fills in once the people and the follow-ups exist (the starter's last_follow_at is a plain field)
        ObjectNode known = Values.object();
        known.set("primary_contact", record(contactHandles.get(0)));
        lastFollow(follows).ifPresent(last -> known.set("last_follow_at", last));
        group.add(SampleRecord.change("customer", handle, known));
        return group;
    }

    private ObjectNode customerFields(int i, Companies.Company company, Geography.City city, LocalDate since,
                                      LocalDate firstWon, boolean hasDeals) {
        ObjectNode f = Values.object();
        f.put("name", company.name());
        f.put("short_name", company.shortName());
        String creditCode = ids.creditCode(city);
        if (firstWon != null || dice.chance(0.6)) {
            f.put("uscc", creditCode);
        }
        boolean won = firstWon != null;
        f.put("type", won ? (dice.chance(0.08) ? "partner" : "customer")
                : hasDeals ? "prospect" : dice.weighted(List.of("prospect", "partner", "competitor"), 88, 8, 4));
        f.put("level", won && dice.chance(0.35) ? "A" : dice.chance(0.55) ? "B" : won ? "B" : "C");
        f.put("status", !won ? (hasDeals ? "potential" : dice.weighted(List.of("potential", "dormant", "churned"), 70, 20, 10))
                : firstWon.isAfter(today.minusDays(365)) ? "active" : dice.weighted(List.of("active", "dormant", "churned"),
                60, 30, 10));
        f.put("industry", company.industry());
        f.put("source", dice.weighted(SOURCES, SOURCE_WEIGHTS));
        f.put("region", city.region());
        f.put("address", Geography.address(dice, city));
        f.put("employee_scale", dice.weighted(List.of("<50", "50-199", "200-499", "500-999", "1000+"), 30, 32, 18, 10, 10));
        f.put("telephone", ids.landline(city));
        if (dice.chance(0.7)) {
            f.put("website", "https://www." + company.domain());
        }
        f.put("deal_status", won ? "won" : "not_won");
        if (won) {
            f.set("first_deal_at", Values.date(firstWon));
            f.put("is_locked", dice.chance(0.1));
            f.put("invoice_title", company.name());
            f.put("tax_no", creditCode);
            f.put("bank_name", dice.pick(BANKS) + city.name() + "分行");
            f.put("bank_account", bankAccount(i));
        }
        f.put("in_pool", !won && !hasDeals && since.isBefore(today.minusDays(120)) && dice.chance(0.3));
        return f;
    }

    private ObjectNode contactFields(String customer, Companies.Company company, boolean first) {
        People.Person person = People.person(dice);
        ObjectNode f = Values.object();
        f.put("name", person.name());
        f.set("customer", record(customer));
        f.put("gender", person.female() ? "female" : "male");
        f.put("title", first ? dice.pick(TITLES.subList(0, 6)) : dice.pick(TITLES));
        f.put("department", dice.pick(CONTACT_DEPARTMENTS));
        f.put("role", first ? "decision_maker" : dice.weighted(CONTACT_ROLES, 10, 25, 30, 15, 12, 8));
        f.put("mobile", ids.mobile(dice));
        f.put("email", person.initials() + contacts + "@" + company.domain());
        if (dice.chance(0.5)) {
            f.put("wechat", "wx_" + person.pinyin() + dice.between(10, 9999));
        }
        if (dice.chance(0.3)) {
            f.set("birthday", Values.date(LocalDate.of(dice.between(1965, 1998), dice.between(1, 12), dice.between(1, 28))));
        }
        return f;
    }

    // ---- opportunities and quotes

    /** An opportunity as planned: its stage and dates, and the quotes it had (the last one decides the amount). */
    private static final class Deal {
        String name;
        int stage;
        LocalDate created;
        LocalDate closed;
        LocalDate expected;
        BigDecimal amount;
        List<Quote> quotes = new ArrayList<>();

        boolean won() {
            return STAGES.get(stage).equals("won");
        }

        Quote accepted() {
            return quotes.get(quotes.size() - 1);
        }
    }

    private record Line(Catalog.Product product, int quantity, BigDecimal unitPrice) {
        BigDecimal amount() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    private static final class Quote {
        int version;
        LocalDate date;
        String status;
        List<Line> lines;
        double maxDiscount;

        BigDecimal total() {
            return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private Deal deal(String name, LocalDate since) {
        Deal deal = new Deal();
        deal.name = name;
        deal.stage = dice.weighted(STAGE_WEIGHTS);
        String stage = STAGES.get(deal.stage);
        boolean closed = deal.stage >= 5;
        LocalDate latest = today.minusDays(closed ? 10 : 1);
        LocalDate earliest = closed ? since : max(since, today.minusDays(200));
        deal.created = dice.dayBetween(min(earliest, latest), latest);
        if (closed) {
            deal.closed = min(deal.created.plusDays(dice.between(14, 150)), today.minusDays(1));
            deal.expected = deal.closed.plusDays(dice.between(-20, 30));
        } else {
            deal.expected = today.plusDays(dice.between(7, 180));
        }
        double target = dice.logNormal(80_000, 1.0, 5_000, 5_000_000);
        deal.amount = BigDecimal.valueOf(Math.round(target / 100) * 100L).setScale(2, RoundingMode.UNNECESSARY);
        boolean quoted = stage.equals("proposal") || stage.equals("negotiation") || stage.equals("won")
                || stage.equals("lost") && dice.chance(0.5);
        if (quoted) {
            boolean revised = dice.chance(0.2);
            LocalDate quoteDay = closed ? max(deal.created, deal.closed.minusDays(dice.between(5, 40))) : deal.created;
            if (revised) {
                deal.quotes.add(quote(1, quoteDay, target, "rejected"));
                quoteDay = quoteDay.plusDays(dice.between(2, 10));
            }
            String status = switch (stage) {
                case "won" -> "accepted";
                case "lost" -> "declined";
                case "negotiation" -> dice.chance(0.6) ? "sent" : "approved";
                default -> dice.chance(0.5) ? "draft" : "sent";
            };
            deal.quotes.add(quote(revised ? 2 : 1, min(quoteDay, latest), target, status));
            deal.amount = deal.accepted().total().setScale(2, RoundingMode.UNNECESSARY);
        }
        return deal;
    }

    private Quote quote(int version, LocalDate day, double target, String status) {
        Quote quote = new Quote();
        quote.version = version;
        quote.date = day;
        quote.status = status;
        quote.lines = new ArrayList<>();
        int count = dice.weighted(40, 30, 20, 10) + 1;
        double[] shares = new double[count];
        double sum = 0;
        for (int k = 0; k < count; k++) {
            shares[k] = 0.3 + dice.unit();
            sum += shares[k];
        }
        List<Catalog.Product> choice = new ArrayList<>(activeProducts);
        for (int k = 0; k < count; k++) {
            Catalog.Product product = choice.remove(dice.between(0, choice.size() - 1));
            // most lines at a small discount, a few deep ones that need approval
            double discount = switch (dice.weighted(70, 20, 8, 2)) {
                case 0 -> 0.01 * dice.between(0, 10);
                case 1 -> 0.01 * dice.between(11, 20);
                case 2 -> 0.01 * dice.between(21, 30);
                default -> 0.01 * dice.between(31, 35);
            };
            // a rejected first version asked for more than the second
            discount = version == 1 && status.equals("rejected") ? Math.min(0.4, discount + 0.08) : discount;
            BigDecimal unitPrice = product.listPrice().multiply(BigDecimal.valueOf(1 - discount))
                    .setScale(0, RoundingMode.HALF_UP).setScale(2, RoundingMode.UNNECESSARY);
            if (unitPrice.signum() <= 0) {
                unitPrice = product.listPrice();
            }
            double lineTarget = target * shares[k] / sum;
            int quantity = (int) Math.max(1, Math.min(999, Math.round(lineTarget / unitPrice.doubleValue())));
            quote.maxDiscount = Math.max(quote.maxDiscount, discount);
            quote.lines.add(new Line(product, quantity, unitPrice));
        }
        return quote;
    }

    private ObjectNode opportunityFields(Deal deal, String customer, String contact, String lead) {
        String stage = STAGES.get(deal.stage);
        ObjectNode f = Values.object();
        f.put("name", deal.name);
        f.set("customer", record(customer));
        f.set("primary_contact", record(contact));
        if (lead != null) {
            f.set("lead", record(lead));
        }
        String campaign = dice.chance(0.15) ? campaignAround(deal.created) : null;
        if (campaign != null) {
            f.set("campaign", record(campaign));
        }
        f.put("source", dice.weighted(SOURCES, SOURCE_WEIGHTS));
        f.set("amount", Values.money(deal.amount));
        f.put("stage", stage);
        if (deal.closed == null && dice.chance(0.15)) {
            // the starter's probability follows the stage unless someone estimates it
            double estimate = Math.min(0.95, Math.max(0.05, STAGE_PROBABILITY[deal.stage] + 0.05 * dice.between(-2, 2)));
            f.set("probability_override", Values.percent(estimate));
        }
        f.set("expected_close_date", Values.date(deal.expected));
        if (deal.closed != null) {
            f.set("actual_close_date", Values.date(deal.closed));
            f.set("stage_entered_at", Values.dateTime(at(deal.closed)));
        } else {
            f.set("stage_entered_at", Values.dateTime(at(dice.dayBetween(deal.created, today.minusDays(1)))));
            f.put("next_step", dice.pick(NEXT_STEPS));
        }
        if (stage.equals("lost")) {
            String reason = dice.weighted(List.of("too_expensive", "lost_to_competitor", "budget_cut", "no_decision",
                    "capability_gap", "other"), 30, 30, 15, 12, 8, 5);
            f.put("lost_reason", reason);
            if (reason.equals("lost_to_competitor")) {
                f.put("competitor", dice.pick(COMPETITORS));
            }
        } else if (deal.closed == null && dice.chance(0.3)) {
            f.put("competitor", dice.pick(COMPETITORS));
        }
        return f;
    }

    private ObjectNode quoteFields(Quote quote, String opportunity, String customer, String contact, String owner) {
        ObjectNode f = Values.object();
        f.put("revision", quote.version);
        f.set("opportunity", record(opportunity));
        f.set("customer", record(customer));
        f.set("contact", record(contact));
        f.set("valid_until", Values.date(quote.date.plusDays(30)));
        f.put("currency", "CNY");
        f.put("tax_included", true);
        f.set("items", items(quote.lines));
        f.put("status", quote.status);
        boolean decided = !quote.status.equals("draft");
        if (decided && quote.maxDiscount > 0.10) {
            f.set("approved_by", user(manager(owner)));
            f.set("approved_at", Values.dateTime(at(quote.date)));
        }
        f.put("payment_terms", "合同签订后按付款计划分期支付，每期收到发票后 15 日内付款。");
        return f;
    }

    private ArrayNode items(List<Line> lines) {
        ArrayNode rows = NODES.arrayNode();
        for (Line line : lines) {
            ObjectNode row = rows.addObject();
            row.set("product", record("product/" + line.product.index()));
            row.put("product_name", line.product.name());
            row.put("spec", line.product.spec());
            row.put("unit", line.product.unit());
            row.put("quantity", line.quantity);
            row.set("list_price", Values.money(line.product.listPrice()));
            row.set("unit_price", Values.money(line.unitPrice));
            row.set("tax_rate", Values.percent(Double.parseDouble(line.product.taxRate())));
        }
        return rows;
    }

    // ---- contracts, payment plans and payments

    /**
     * The contract of a won deal, its payment plans (summing exactly to the amount) and the payments made so far; the
     * contract is written as a draft and set active (or completed) once its plans add up, as a user would.
     */
    private void contract(List<SampleRecord> group, Deal deal, String contract, String customer, String opportunity,
                          String quote, String signer, String owner) {
        Quote accepted = deal.accepted();
        BigDecimal amount = accepted.total().setScale(2, RoundingMode.UNNECESSARY);
        LocalDate signed = deal.closed;
        String method = dice.weighted(PAYMENT_METHODS, PAYMENT_METHOD_WEIGHTS);
        ObjectNode f = Values.object();
        f.put("name", deal.name + "合同");
        f.set("customer", record(customer));
        f.set("opportunity", record(opportunity));
        f.set("quote", record(quote));
        f.put("type", dice.weighted(List.of("direct", "agency", "service", "framework"), 70, 8, 15, 7));
        f.set("amount", Values.money(amount));
        f.set("items", items(accepted.lines));
        f.set("sign_date", Values.date(signed));
        f.set("start_date", Values.date(signed));
        f.set("end_date", Values.date(signed.plusYears(dice.chance(0.8) ? 1 : 2).minusDays(1)));
        f.set("customer_signer", record(signer));
        f.set("company_signer", user(owner));
        f.put("payment_method", method);
        f.put("status", "draft");
        f.put("expiry_remind_days", 30);
        group.add(SampleRecord.create("contract", contract, owner, f));

        double[] shape = PLAN_SHAPES.get(dice.weighted(PLAN_SHAPE_WEIGHTS));
        BigDecimal left = amount;
        LocalDate due = signed.plusDays(dice.between(7, 30));
        boolean allPaid = true;
        for (int period = 1; period <= shape.length; period++) {
            BigDecimal planned = period == shape.length ? left
                    : amount.multiply(BigDecimal.valueOf(shape[period - 1])).setScale(2, RoundingMode.HALF_UP);
            left = left.subtract(planned);
            String plan = "payment_plan/" + plans++;
            ObjectNode p = Values.object();
            p.set("contract", record(contract));
            p.set("customer", record(customer));
            p.put("period_no", period);
            p.set("planned_date", Values.date(due));
            p.set("planned_amount", Values.money(planned));
            p.put("payment_method", method);
            p.put("remind_days", 3);
            group.add(SampleRecord.create("payment_plan", plan, owner, p));
            allPaid &= payments(group, contract, plan, customer, planned, due, signed, method, owner);
            due = due.plusMonths(dice.between(1, 4));
        }
        ObjectNode active = Values.object();
        active.put("status", allPaid ? "completed" : "active");
        group.add(SampleRecord.change("contract", contract, active));
    }

    /** The payments against one plan; whether they confirm it in full. */
    private boolean payments(List<SampleRecord> group, String contract, String plan, String customer, BigDecimal planned,
                             LocalDate due, LocalDate signed, String method, String owner) {
        if (due.isAfter(today)) {
            return false;
        }
        int outcome = dice.weighted(82, 8, 10); // paid, partly paid, not yet (overdue)
        if (outcome == 2) {
            return false;
        }
        BigDecimal[] parts = outcome == 1
                ? new BigDecimal[]{planned.multiply(BigDecimal.valueOf(dice.between(30, 70))).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.HALF_UP)}
                : dice.chance(0.1) ? halves(planned) : new BigDecimal[]{planned};
        boolean confirmed = true;
        LocalDate received = min(max(due.plusDays(Math.round(dice.gaussian() * 8 + 4)), signed), today.minusDays(1));
        for (BigDecimal part : parts) {
            String status = received.isAfter(today.minusDays(10)) && dice.chance(0.4) ? "in_approval" : "confirmed";
            confirmed &= status.equals("confirmed");
            ObjectNode f = Values.object();
            f.set("contract", record(contract));
            f.set("payment_plan", record(plan));
            f.set("customer", record(customer));
            f.put("type", "receipt");
            f.set("amount", Values.money(part));
            f.set("received_date", Values.date(received));
            f.put("payment_method", method);
            f.put("payer_account", dice.pick(BANKS) + " " + bankAccount(payments));
            f.put("bank_serial_no", ids.bankSerial(received));
            f.put("status", status);
            if (status.equals("confirmed")) {
                f.set("confirmed_by", user(finance()));
                f.set("confirmed_at", Values.dateTime(at(min(received.plusDays(1), today.minusDays(1)))));
            }
            group.add(SampleRecord.create("payment", "payment/" + payments++, owner, f));
            received = min(received.plusDays(dice.between(5, 30)), today.minusDays(1));
        }
        return confirmed && outcome == 0;
    }

    private static BigDecimal[] halves(BigDecimal amount) {
        BigDecimal first = amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
        return new BigDecimal[]{first, amount.subtract(first)};
    }

    // ---- follow-ups and tickets

    private ObjectNode followFields(LocalDate day, Companies.Company company) {
        String type = dice.weighted(FOLLOW_TYPES, FOLLOW_WEIGHTS);
        LocalDateTime when = at(day);
        ObjectNode f = Values.object();
        f.put("type", type);
        f.set("follow_at", Values.dateTime(when));
        f.put("content", verb(type) + "沟通了" + dice.pick(TOPICS) + "，客户" + dice.pick(REACTIONS) + "。");
        if (dice.chance(0.4)) {
            f.set("next_follow_at", Values.dateTime(when.plusDays(dice.between(3, 14))));
        }
        if (type.equals("visit") && company != null) {
            f.put("location", company.name());
        }
        return f;
    }

    private SampleRecord ticket(String customer, String contact, List<String> contracts, List<Catalog.Product> bought,
                                LocalDate since) {
        int priority = dice.weighted(3, 15, 50, 32);
        String status = dice.weighted(TICKET_STATUSES, 6, 6, 12, 6, 15, 50, 5);
        boolean open = !status.equals("resolved") && !status.equals("closed") && !status.equals("cancelled");
        LocalDate day = open ? dice.dayBetween(max(since, today.minusDays(14)), today.minusDays(1))
                : dice.dayBetween(since, today.minusDays(2));
        LocalDateTime submitted = at(day);
        Catalog.Product product = bought.isEmpty() ? dice.pick(activeProducts) : dice.pick(bought);
        String agent = serviceAgent();
        ObjectNode f = Values.object();
        String issue = dice.pick(ISSUES);
        f.put("title", product.name() + issue);
        f.put("description", "客户反馈" + product.name() + "（" + product.spec() + "）" + issue + "，请跟进处理。");
        f.set("customer", record(customer));
        f.set("contact", record(contact));
        if (!contracts.isEmpty()) {
            f.set("contract", record(dice.pick(contracts)));
        }
        f.set("product", record("product/" + product.index()));
        f.put("type", dice.weighted(TICKET_TYPES, 35, 25, 8, 12, 20));
        f.put("channel", dice.weighted(CHANNELS, 35, 30, 15, 15, 5));
        f.put("priority", PRIORITIES.get(priority));
        f.put("status", status);
        if (!status.equals("new")) {
            f.set("assignee", user(agent));
        }
        f.set("submitted_at", Values.dateTime(submitted));
        if (!status.equals("new") && !status.equals("assigned")) {
            // nine in ten answered within the target
            double stretch = dice.chance(0.9) ? dice.unit() : 1 + 2 * dice.unit();
            LocalDateTime responded = submitted.plusMinutes(Math.max(1, Math.round(RESPONSE_MINUTES[priority] * stretch)));
            f.set("first_response_at", Values.dateTime(responded));
            if (status.equals("resolved") || status.equals("closed")) {
                double work = dice.chance(0.85) ? dice.unit() : 1 + dice.unit();
                LocalDateTime resolved = responded.plusMinutes(Math.max(5, Math.round(RESOLVE_HOURS[priority] * 60 * work)));
                f.set("resolved_at", Values.dateTime(resolved));
                if (status.equals("closed")) {
                    f.set("closed_at", Values.dateTime(resolved.plusDays(dice.between(0, 3))));
                    if (dice.chance(0.7)) {
                        f.put("satisfaction", dice.weighted(List.of("5", "4", "3", "2", "1"), 45, 35, 12, 5, 3));
                    }
                }
            }
        }
        return SampleRecord.create("ticket", "ticket/" + tickets++, agent, f);
    }

    /** The latest follow_at of some follow-ups (ISO text with one offset, so the text order is the time order). */
    private static Optional<JsonNode> lastFollow(List<ObjectNode> follows) {
        return follows.stream().map(f -> f.get("follow_at")).max(Comparator.comparing(JsonNode::asText));
    }

    // ---- people

    private String rep(String region) {
        return (Geography.EAST_TEAM.contains(region) ? eastTeam : northTeam).pick(dice);
    }

    /** A sales team's people; managers carry fewer accounts than their reps. */
    private record Team(List<SampleUser> members, double[] weights) {
        static Team of(List<SampleUser> users, String department) {
            List<SampleUser> members = users.stream().filter(u -> u.department().equals(department)).toList();
            return new Team(members, members.stream().mapToDouble(u -> u.manages() ? 0.4 : 1).toArray());
        }

        String pick(Dice dice) {
            return members.get(dice.weighted(weights)).handle();
        }
    }

    private String manager(String owner) {
        String department = users.stream().filter(u -> u.handle().equals(owner)).findFirst().orElseThrow().department();
        return users.stream().filter(u -> u.department().equals(department) && u.manages()).findFirst().orElseThrow().handle();
    }

    private String finance() {
        return pickIn(Staff.FINANCE, "finance");
    }

    private String serviceAgent() {
        return pickIn(Staff.SERVICE, "service_agent");
    }

    private String marketing() {
        return pickIn(Staff.MARKETING, "marketing");
    }

    private String pickIn(String department, String role) {
        return dice.pick(users.stream().filter(u -> u.department().equals(department) && u.roles().contains(role)).toList())
                .handle();
    }

    // ---- small helpers

    private String industry() {
        return Companies.INDUSTRIES.get(dice.weighted(Companies.INDUSTRY_WEIGHTS));
    }

    /** The campaign that started last before {@code day} (within 60 days), as a handle, or null. */
    private String campaignAround(LocalDate day) {
        int best = -1;
        for (int k = 0; k < campaignStarts.size(); k++) {
            LocalDate begins = campaignStarts.get(k);
            if (!begins.isAfter(day) && begins.isAfter(day.minusDays(60))
                    && (best < 0 || begins.isAfter(campaignStarts.get(best)))) {
                best = k;
            }
        }
        return best < 0 ? null : "campaign/" + best;
    }

    /** A working-hours moment of a day. */
    private LocalDateTime at(LocalDate day) {
        return LocalDateTime.of(day, LocalTime.of(dice.between(9, 17), dice.between(0, 59)));
    }

    private String bankAccount(int n) {
        return "6222" + String.format("%012d", Math.floorMod(n * 7_777_777L + dice.between(0, 999) * 1_000_000_000L,
                1_000_000_000_000L));
    }

    private static String season(LocalDate day) {
        return switch ((day.getMonthValue() - 1) / 3) {
            case 0 -> "春季";
            case 1 -> "夏季";
            case 2 -> "秋季";
            default -> "冬季";
        };
    }

    private static String verb(String type) {
        return switch (type) {
            case "call" -> "电话";
            case "visit" -> "上门拜访，";
            case "wechat" -> "微信";
            case "email" -> "邮件";
            case "sms" -> "短信";
            case "meeting" -> "会议中";
            default -> "活动现场";
        };
    }

    private static String unitLabel(String unit) {
        return switch (unit) {
            case "pcs" -> "个";
            case "unit" -> "台";
            case "set" -> "套";
            case "year" -> "年";
            default -> "人天";
        };
    }

    /** {@code total} draws spread over the weights, each slot getting {@code base} first. */
    private int[] allocate(int total, double[] weights, int base) {
        int[] counts = new int[weights.length];
        Arrays.fill(counts, base);
        if (weights.length == 0) {
            return counts;
        }
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int n = 0; n < total; n++) {
            int at = Arrays.binarySearch(cumulative, dice.unit() * sum);
            counts[Math.min(weights.length - 1, at < 0 ? -at - 1 : at)]++;
        }
        return counts;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
