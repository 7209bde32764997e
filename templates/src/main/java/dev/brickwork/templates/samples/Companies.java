package dev.brickwork.templates.samples;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Company names in the common pattern {@code <city><brand><business>有限公司}, unique after the starter's company
 * normaliser (which drops 有限公司, 股份有限公司 …): no two generated companies block each other's duplicate rule.
 */
final class Companies {

    record Company(String name, String shortName, String domain, String industry) {
    }

    private static final List<People.Syllable> BRANDS = pairs("华信huaxin 瑞达ruida 恒通hengtong 博远boyuan 中科zhongke"
            + " 天成tiancheng 联创lianchuang 鼎盛dingsheng 汇智huizhi 卓越zhuoyue 星辰xingchen 金桥jinqiao 远景yuanjing"
            + " 宏图hongtu 新思xinsi 万达wanda 东方dongfang 长城changcheng 海纳haina 云帆yunfan 永信yongxin 立达lida 安泰antai"
            + " 锦程jincheng 明德mingde 同创tongchuang 凯旋kaixuan 嘉禾jiahe 德润derun 泰和taihe 盛世shengshi 九州jiuzhou"
            + " 启航qihang 普华puhua 信达xinda 天恒tianheng 宇通yutong 华盛huasheng 伟业weiye 众诚zhongcheng 银河yinhe 国泰guotai"
            + " 振华zhenhua 正阳zhengyang 蓝海lanhai 紫光ziguang 和信hexin 华创huachuang 睿智ruizhi 龙腾longteng 世纪shiji"
            + " 开元kaiyuan 润泽runze 智远zhiyuan 昊天haotian 中联zhonglian 新华xinhua 弘毅hongyi 精工jinggong 思源siyuan"
            + " 天佑tianyou 浩瀚haohan 致远zhiyuan 先锋xianfeng 腾飞tengfei 恒信hengxin 鸿运hongyun 百川baichuan 光明guangming"
            + " 聚力juli 凌云lingyun 万象wanxiang 方正fangzheng 华夏huaxia 金石jinshi 雅达yada 易通yitong 优创youchuang"
            + " 合众hezhong 天工tiangong 新锐xinrui 同方tongfang 创维chuangwei 博雅boya 鑫源xinyuan 春晖chunhui 海川haichuan");

    /** Business words per industry option of the starter. */
    private static final Map<String, List<String>> BUSINESS = Map.of(
            "it", List.of("科技", "信息技术", "软件", "网络科技", "数据科技", "智能科技"),
            "finance", List.of("投资", "融资租赁", "资产管理", "保险经纪"),
            "real_estate", List.of("置业", "房地产开发", "物业服务"),
            "business_services", List.of("企业管理咨询", "商务服务", "人力资源", "会计服务"),
            "logistics", List.of("物流", "供应链管理", "货运代理", "仓储服务"),
            "manufacturing", List.of("机械制造", "精密制造", "电子", "新材料", "汽车零部件", "化工", "医疗器械"),
            "government", List.of("城市建设投资", "公共服务", "水务", "交通投资"),
            "media", List.of("文化传媒", "广告", "影视文化", "数字营销"),
            "other", List.of("贸易", "实业", "食品", "环保科技"));
    static final List<String> INDUSTRIES = List.of("it", "finance", "real_estate", "business_services", "logistics",
            "manufacturing", "government", "media", "other");
    static final double[] INDUSTRY_WEIGHTS = {22, 8, 6, 12, 8, 24, 5, 7, 8};

    private final Set<String> taken = new HashSet<>();

    Company next(Dice dice, Geography.City city, String industry) {
        List<String> words = BUSINESS.get(industry);
        for (int attempt = 0; ; attempt++) {
            People.Syllable brand = dice.pick(BRANDS);
            String business = dice.pick(words);
            // after many clashes in one city the brand gets a second one: the space never runs out
            String core = attempt < 20 ? brand.hanzi() : brand.hanzi() + dice.pick(BRANDS).hanzi();
            String name = city.name() + core + business;
            if (taken.add(name)) {
                String legal = dice.chance(0.12) ? "股份有限公司" : "有限公司";
                String domain = brand.pinyin() + (attempt < 20 ? "" : Integer.toString(taken.size())) + "-"
                        + city.areaCode() + ".com";
                return new Company(name + legal, core + business, domain, industry);
            }
        }
    }

    private static List<People.Syllable> pairs(String spaced) {
        return java.util.Arrays.stream(spaced.split(" ")).map(s -> {
            int cut = 0;
            while (s.charAt(cut) > 0x7f) {
                cut++;
            }
            return new People.Syllable(s.substring(0, cut), s.substring(cut));
        }).toList();
    }
}
