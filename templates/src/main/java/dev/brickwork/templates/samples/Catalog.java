package dev.brickwork.templates.samples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** What the sample company sells: software subscriptions, hardware and services, with list prices around real ones. */
final class Catalog {

    record Product(int index, String name, String spec, String category, String unit, BigDecimal listPrice,
                   BigDecimal costPrice, double maxDiscount, String taxRate, boolean active) {
    }

    private record Line(String name, String category, String unit, int medianPrice, String taxRate) {
    }

    private static final List<Line> LINES = List.of(
            new Line("CRM 客户管理系统", "software", "year", 36_000, "0.13"),
            new Line("ERP 财务模块", "software", "year", 48_000, "0.13"),
            new Line("ERP 供应链模块", "software", "year", 60_000, "0.13"),
            new Line("数据分析平台", "software", "set", 120_000, "0.13"),
            new Line("OA 协同办公", "software", "year", 18_000, "0.13"),
            new Line("移动应用开发平台", "software", "set", 80_000, "0.13"),
            new Line("信息安全套件", "software", "year", 25_000, "0.13"),
            new Line("云存储服务", "service", "year", 12_000, "0.06"),
            new Line("应用服务器", "hardware", "unit", 45_000, "0.13"),
            new Line("存储阵列", "hardware", "unit", 90_000, "0.13"),
            new Line("核心交换机", "hardware", "unit", 30_000, "0.13"),
            new Line("工业网关", "hardware", "pcs", 3_500, "0.13"),
            new Line("智能终端", "hardware", "pcs", 2_200, "0.13"),
            new Line("条码打印机", "hardware", "pcs", 1_800, "0.13"),
            new Line("实施服务", "service", "man_day", 2_000, "0.06"),
            new Line("定制开发", "service", "man_day", 2_500, "0.06"),
            new Line("现场培训", "service", "man_day", 1_600, "0.06"),
            new Line("年度运维服务", "service", "year", 20_000, "0.06"),
            new Line("数据迁移服务", "service", "set", 15_000, "0.06"),
            new Line("咨询服务", "service", "man_day", 3_000, "0.06"),
            new Line("备品备件包", "other", "set", 5_000, "0.13"));

    private static final List<String> SOFTWARE_SPECS = List.of("标准版", "专业版", "企业版", "旗舰版", "V5 标准版", "V5 企业版");
    private static final List<String> HARDWARE_SPECS = List.of("基础型", "增强型", "2U 双路", "4U 四路", "室外型", "高性能型");
    private static final List<String> SERVICE_SPECS = List.of("标准", "高级", "驻场", "远程", "加急", "年度包");

    private Catalog() {
    }

    static List<Product> products(Dice dice, int count) {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Line line = LINES.get(i % LINES.size());
            int variant = i / LINES.size();
            List<String> specs = switch (line.category()) {
                case "software" -> SOFTWARE_SPECS;
                case "hardware" -> HARDWARE_SPECS;
                default -> SERVICE_SPECS;
            };
            // every product line and variant once before a spec repeats with a generation number
            String spec = specs.get(variant % specs.size()) + (variant < specs.size() ? "" : " 第" + (variant / specs.size() + 1) + "代");
            double scale = 1 + 0.6 * (variant % specs.size());
            BigDecimal list = dice.money(line.medianPrice() * scale, 0.15, 500, 2_000_000, 100);
            BigDecimal cost = list.multiply(BigDecimal.valueOf(dice.between(35, 70))).divide(BigDecimal.valueOf(100), 2,
                    RoundingMode.HALF_UP);
            double maxDiscount = dice.pick(List.of(0.10, 0.15, 0.20, 0.25, 0.30));
            products.add(new Product(i, line.name(), spec, line.category(), line.unit(), list, cost, maxDiscount,
                    line.taxRate(), dice.chance(0.92)));
        }
        return products;
    }
}
