package dev.brickwork.templates.samples;

import java.util.List;

/** Chinese person names, common surnames weighted roughly as they occur, with pinyin for user names and e-mail. */
final class People {

    record Syllable(String hanzi, String pinyin) {
    }

    record Person(String name, String pinyin, String initials, boolean female) {
    }

    private static final List<Syllable> SURNAMES = list("王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou"
            + " 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo 何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han"
            + " 冯feng 邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu 杜du 叶ye 程cheng"
            + " 苏su 魏wei 吕lv 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang 范fan 金jin 石shi"
            + " 廖liao 贾jia 夏xia 韦wei 方fang 白bai 邹zou 孟meng 熊xiong 秦qin 邱qiu 江jiang 尹yin 薛xue 段duan 雷lei 侯hou"
            + " 龙long 史shi 陶tao 黎li 贺he 顾gu 毛mao 郝hao 龚gong 邵shao 万wan 钱qian 严yan 武wu 戴dai 孔kong 汤tang");
    /** Zipf-like: the first surnames are far more common than the last. */
    private static final double[] SURNAME_WEIGHTS = zipf(SURNAMES.size());
    private static final List<Syllable> MALE = list("伟wei 强qiang 磊lei 军jun 洋yang 勇yong 杰jie 涛tao 明ming 超chao 刚gang"
            + " 平ping 建jian 文wen 辉hui 鹏peng 宇yu 浩hao 凯kai 健jian 俊jun 帆fan 博bo 睿rui 轩xuan 泽ze 航hang 海hai 波bo"
            + " 斌bin 亮liang 峰feng 志zhi 国guo 东dong 飞fei 龙long 林lin 成cheng 晨chen 子zi 一yi 家jia 振zhen 永yong");
    private static final List<Syllable> FEMALE = list("芳fang 娜na 敏min 静jing 丽li 艳yan 娟juan 秀xiu 霞xia 英ying 华hua"
            + " 玉yu 萍ping 红hong 琳lin 欣xin 婷ting 雪xue 慧hui 思si 佳jia 怡yi 梓zi 涵han 雨yu 嘉jia 悦yue 诗shi 晓xiao 宁ning"
            + " 婧jing 颖ying 倩qian 蕾lei 晶jing 月yue 琪qi 瑶yao 璐lu 岚lan 燕yan 妍yan 露lu 洁jie 薇wei");

    private People() {
    }

    static Person person(Dice dice) {
        return person(dice, dice.chance(0.45));
    }

    static Person person(Dice dice, boolean female) {
        Syllable surname = SURNAMES.get(dice.weighted(SURNAME_WEIGHTS));
        List<Syllable> given = female ? FEMALE : MALE;
        Syllable first = dice.pick(given);
        StringBuilder name = new StringBuilder(surname.hanzi()).append(first.hanzi());
        StringBuilder pinyin = new StringBuilder(surname.pinyin()).append(first.pinyin());
        StringBuilder initials = new StringBuilder(surname.pinyin()).append(first.pinyin().charAt(0));
        if (dice.chance(0.7)) {
            Syllable second = dice.pick(given);
            name.append(second.hanzi());
            pinyin.append(second.pinyin());
            initials.append(second.pinyin().charAt(0));
        }
        return new Person(name.toString(), pinyin.toString(), initials.toString(), female);
    }

    private static List<Syllable> list(String spaced) {
        return java.util.Arrays.stream(spaced.split(" "))
                .map(s -> new Syllable(s.substring(0, 1), s.substring(1))).toList();
    }

    private static double[] zipf(int n) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1.0 / (i + 3);
        }
        return weights;
    }
}
