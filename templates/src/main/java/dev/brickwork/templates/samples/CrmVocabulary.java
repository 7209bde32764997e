package dev.brickwork.templates.samples;

import java.util.List;

/**
 * The words and proportions of the {@code crm-sample} data set (CrmSample draws from them with its seeded dice):
 * stages, sources and statuses with their weights, and the names, titles, topics and issues a Chinese mid-size
 * company's CRM is full of. Data only; changing one changes every seeded set.
 */
final class CrmVocabulary {

    private CrmVocabulary() {
    }

    static final List<String> STAGES = List.of("prospecting", "qualification", "solution", "proposal", "negotiation",
            "won", "lost", "invalid");
    /** A third won (the issue's 10k contracts of 30k opportunities), a fifth lost, the rest open or invalid. */
    static final double[] STAGE_WEIGHTS = {9, 9, 9, 8, 8, 33.5, 20.5, 3};
    static final double[] STAGE_PROBABILITY = {0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 0, 0};
    static final List<String> SOURCES = List.of("promotion", "search_engine", "ads", "referral", "web_signup",
            "web_inquiry", "walk_in", "cold_visit", "phone_inquiry", "email_inquiry", "trade_show");
    static final double[] SOURCE_WEIGHTS = {4, 14, 8, 14, 10, 14, 3, 6, 10, 5, 12};
    static final List<String> LEAD_STATUSES = List.of("new", "assigned", "working", "qualified", "unqualified",
            "recycled");
    static final double[] LEAD_STATUS_WEIGHTS = {12, 12, 30, 8, 28, 10};
    static final List<String> PROJECTS = List.of("数字化升级项目", "CRM 系统采购", "年度运维续约", "产线智能化改造",
            "数据平台建设", "协同办公项目", "信息安全加固", "二期扩容", "门店终端采购", "供应链系统集成", "机房设备更新", "培训服务采购");
    static final List<String> COMPETITORS = List.of("用友", "金蝶", "浪潮", "华为", "新华三", "东软", "本地集成商");
    static final List<String> NEXT_STEPS = List.of("安排方案演示", "发送报价", "技术交流", "商务谈判", "等待客户内部审批",
            "邀请参观样板客户");
    static final List<String> TITLES = List.of("总经理", "副总经理", "信息化主管", "IT 经理", "采购经理", "财务总监",
            "运营总监", "项目经理", "技术负责人", "行政主管", "销售总监", "工程师");
    static final List<String> CONTACT_DEPARTMENTS = List.of("总经办", "信息部", "采购部", "财务部", "运营部", "技术部",
            "行政部", "市场部");
    static final List<String> CONTACT_ROLES = List.of("decision_maker", "influencer", "user", "procurement",
            "finance", "other");
    static final List<String> FOLLOW_TYPES = List.of("call", "visit", "wechat", "email", "sms", "meeting", "event");
    static final double[] FOLLOW_WEIGHTS = {35, 15, 25, 8, 4, 8, 5};
    static final List<String> TOPICS = List.of("需求细节", "报价方案", "合同条款", "付款安排", "产品演示安排", "实施计划",
            "售后问题", "续约事宜", "竞品对比", "预算情况");
    static final List<String> REACTIONS = List.of("有兴趣，需要内部讨论", "预算在审批中", "希望下周再约", "对价格有顾虑",
            "认可方案，准备推进", "要求提供同行业案例", "需要技术部门确认", "暂无明确时间表");
    static final List<String> ISSUES = List.of("登录异常", "数据同步失败", "升级方案咨询", "发票开具问题", "报表导出缓慢",
            "设备无法开机", "接口调用报错", "权限配置咨询", "操作培训需求", "功能改进建议");
    static final List<String> TICKET_TYPES = List.of("inquiry", "incident", "complaint", "repair", "suggestion");
    static final List<String> CHANNELS = List.of("phone", "wechat", "email", "web", "onsite");
    static final List<String> PRIORITIES = List.of("P0", "P1", "P2", "P3");
    /** Response targets of the starter's SLA, in minutes, per priority. */
    static final int[] RESPONSE_MINUTES = {15, 60, 240, 480};
    static final int[] RESOLVE_HOURS = {2, 8, 24, 72};
    static final List<String> TICKET_STATUSES = List.of("new", "assigned", "processing", "pending", "resolved",
            "closed", "cancelled");
    static final List<String> CAMPAIGN_TYPES = List.of("trade_show", "seminar", "webinar", "sem", "ads", "email",
            "wechat", "field");
    static final List<String> CAMPAIGN_WORDS = List.of("行业展会", "客户研讨会", "线上直播", "搜索推广", "广告投放",
            "邮件营销", "社群运营", "城市地推");
    static final List<String> BANKS = List.of("中国工商银行", "中国建设银行", "中国银行", "中国农业银行", "招商银行",
            "交通银行", "浦发银行", "兴业银行");
    static final List<double[]> PLAN_SHAPES = List.of(new double[]{1.0}, new double[]{0.5, 0.5},
            new double[]{0.3, 0.6, 0.1}, new double[]{0.3, 0.4, 0.3}, new double[]{0.25, 0.25, 0.25, 0.25});
    static final double[] PLAN_SHAPE_WEIGHTS = {20, 25, 30, 15, 10};
    static final List<String> PAYMENT_METHODS = List.of("wire", "bank_acceptance", "check", "cash", "alipay",
            "wechat_pay", "other");
    static final double[] PAYMENT_METHOD_WEIGHTS = {70, 12, 3, 1, 5, 5, 4};
}
