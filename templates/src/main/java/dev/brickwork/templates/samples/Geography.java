package dev.brickwork.templates.samples;

import java.util.List;

/** Where the sample company's customers are: cities with their province, region (the starter's option values) and area code. */
final class Geography {

    record City(String name, String province, String region, String areaCode, String divisionCode, double weight) {
    }

    static final List<City> CITIES = List.of(
            new City("上海", "上海市", "east", "021", "310000", 9),
            new City("南京", "江苏省", "east", "025", "320100", 4),
            new City("苏州", "江苏省", "east", "0512", "320500", 5),
            new City("无锡", "江苏省", "east", "0510", "320200", 2),
            new City("杭州", "浙江省", "east", "0571", "330100", 6),
            new City("宁波", "浙江省", "east", "0574", "330200", 3),
            new City("济南", "山东省", "east", "0531", "370100", 2),
            new City("青岛", "山东省", "east", "0532", "370200", 3),
            new City("合肥", "安徽省", "east", "0551", "340100", 2),
            new City("福州", "福建省", "east", "0591", "350100", 1.5),
            new City("厦门", "福建省", "east", "0592", "350200", 2),
            new City("广州", "广东省", "south", "020", "440100", 6),
            new City("深圳", "广东省", "south", "0755", "440300", 8),
            new City("东莞", "广东省", "south", "0769", "441900", 2.5),
            new City("佛山", "广东省", "south", "0757", "440600", 2),
            new City("南宁", "广西壮族自治区", "south", "0771", "450100", 1),
            new City("海口", "海南省", "south", "0898", "460100", 0.5),
            new City("北京", "北京市", "north", "010", "110000", 9),
            new City("天津", "天津市", "north", "022", "120000", 3),
            new City("石家庄", "河北省", "north", "0311", "130100", 1.5),
            new City("太原", "山西省", "north", "0351", "140100", 1),
            new City("呼和浩特", "内蒙古自治区", "north", "0471", "150100", 0.5),
            new City("武汉", "湖北省", "central", "027", "420100", 4),
            new City("长沙", "湖南省", "central", "0731", "430100", 3),
            new City("郑州", "河南省", "central", "0371", "410100", 3),
            new City("南昌", "江西省", "central", "0791", "360100", 1.5),
            new City("成都", "四川省", "southwest", "028", "510100", 5),
            new City("重庆", "重庆市", "southwest", "023", "500000", 4),
            new City("昆明", "云南省", "southwest", "0871", "530100", 1.5),
            new City("贵阳", "贵州省", "southwest", "0851", "520100", 1),
            new City("西安", "陕西省", "northwest", "029", "610100", 3),
            new City("兰州", "甘肃省", "northwest", "0931", "620100", 1),
            new City("乌鲁木齐", "新疆维吾尔自治区", "northwest", "0991", "650100", 0.5),
            new City("沈阳", "辽宁省", "northeast", "024", "210100", 2),
            new City("大连", "辽宁省", "northeast", "0411", "210200", 2),
            new City("长春", "吉林省", "northeast", "0431", "220100", 1),
            new City("哈尔滨", "黑龙江省", "northeast", "0451", "230100", 1.5));

    private static final double[] WEIGHTS = CITIES.stream().mapToDouble(City::weight).toArray();

    static final List<String> DISTRICTS = List.of("高新区", "经济技术开发区", "城南区", "滨江区", "新城区", "工业园区",
            "科技城", "江北新区", "老城区", "软件园");
    static final List<String> ROADS = List.of("人民路", "中山路", "解放路", "建设路", "科技路", "创业大道", "长江路", "黄河路",
            "振兴路", "金融街", "世纪大道", "学府路", "园区路", "东风路", "和平路");

    /** The regions the East China sales team covers; the North China team covers the rest. */
    static final List<String> EAST_TEAM = List.of("east", "south", "central");

    private Geography() {
    }

    static City city(Dice dice) {
        return CITIES.get(dice.weighted(WEIGHTS));
    }

    static String address(Dice dice, City city) {
        return city.name() + "市" + dice.pick(DISTRICTS) + dice.pick(ROADS) + dice.between(1, 999) + "号";
    }
}
