package dev.brickwork.templates.samples;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sample company's people, in the starter's department tree (总部 → 销售部 → 华东/华北, 财务部, 客服部, 市场部)
 * with its roles. Every role an approval flow names has a holder (gm, sales_director, finance, finance_manager, legal),
 * and the first user of each department manages it: the general manager 总部, the sales director 销售部.
 */
final class Staff {

    static final String HQ = "总部";
    static final String SALES = "总部/销售部";
    static final String EAST = "总部/销售部/华东";
    static final String NORTH = "总部/销售部/华北";
    static final String FINANCE = "总部/财务部";
    static final String SERVICE = "总部/客服部";
    static final String MARKETING = "总部/市场部";

    /** How many people each part of the company has, for a size. */
    private record Headcount(int eastReps, int northReps, int finance, int service, int marketing) {
    }

    private final List<SampleUser> users = new ArrayList<>();
    private final Set<String> usernames = new HashSet<>();
    private final Dice dice;

    private Staff(Dice dice) {
        this.dice = dice;
    }

    static List<SampleUser> of(SampleSize size, long seed) {
        Headcount heads = switch (size) {
            case TINY, SMALL -> new Headcount(2, 2, 1, 1, 1);
            case MEDIUM -> new Headcount(5, 4, 2, 3, 1);
            case LARGE -> new Headcount(8, 7, 4, 4, 2);
        };
        Staff staff = new Staff(new Dice(seed ^ 0x5EED_57AFFL));
        staff.add(HQ, true, "gm");
        staff.add(HQ, false, "legal");
        staff.add(SALES, true, "sales_director");
        staff.team(EAST, heads.eastReps());
        staff.team(NORTH, heads.northReps());
        staff.add(FINANCE, true, "finance", "finance_manager");
        for (int i = 1; i < heads.finance(); i++) {
            staff.add(FINANCE, false, "finance");
        }
        staff.add(SERVICE, true, "service_agent");
        for (int i = 1; i < heads.service(); i++) {
            staff.add(SERVICE, false, "service_agent");
        }
        for (int i = 0; i < heads.marketing(); i++) {
            staff.add(MARKETING, i == 0, "marketing");
        }
        return List.copyOf(staff.users);
    }

    private void team(String department, int reps) {
        add(department, true, "sales_manager");
        for (int i = 0; i < reps; i++) {
            add(department, false, "sales_rep");
        }
    }

    private void add(String department, boolean manages, String... roles) {
        People.Person person = People.person(dice);
        String username = person.pinyin();
        for (int n = 2; !usernames.add(username); n++) {
            username = person.pinyin() + n;
        }
        String handle = String.format("u%02d", users.size() + 1);
        users.add(new SampleUser(handle, username, person.name(), department, List.of(roles), manages));
    }
}
