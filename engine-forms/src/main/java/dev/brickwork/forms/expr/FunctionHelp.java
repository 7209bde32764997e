package dev.brickwork.forms.expr;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a designer's expression editor offers as help for each function of the language: how it is called and what
 * it does, in English and Chinese. Kept beside {@link Function} so a new function cannot come without its help
 * (a test holds every function to an entry).
 *
 * @param name      the function's name, as written
 * @param signature how it is called, e.g. {@code ROUND(number, places)}
 * @param summary   what it does, by language
 */
public record FunctionHelp(String name, String signature, Map<String, String> summary) {

    /** Every function of the language, in the order of docs/spec.md §2. */
    public static List<FunctionHelp> all() {
        return Arrays.stream(Function.values()).map(FunctionHelp::of).toList();
    }

    private static FunctionHelp of(Function function) {
        return switch (function) {
            case IF -> help(function, "IF(condition, then, else)", "The second value when the condition holds, else the third",
                    "条件成立时取第二个值，否则取第三个值");
            case AND -> help(function, "AND(a, b, …)", "True when every condition holds", "所有条件都成立时为真");
            case OR -> help(function, "OR(a, b, …)", "True when any condition holds", "任一条件成立时为真");
            case NOT -> help(function, "NOT(condition)", "True when the condition does not hold", "条件不成立时为真");
            case ROUND -> help(function, "ROUND(number, places)", "Rounds half up to the given decimal places (0 unless given)",
                    "四舍五入到指定小数位（默认 0 位）");
            case ABS -> help(function, "ABS(number)", "The number without its sign", "绝对值");
            case MIN -> help(function, "MIN(a, b, …) or MIN(lines.column)", "The smallest value; of a sub-table column, over its rows",
                    "最小值；对子表列则取各行中的最小值");
            case MAX -> help(function, "MAX(a, b, …) or MAX(lines.column)", "The largest value; of a sub-table column, over its rows",
                    "最大值；对子表列则取各行中的最大值");
            case SUM -> help(function, "SUM(lines.column)", "The total of a sub-table column over its rows", "子表某列各行的合计");
            case AVG -> help(function, "AVG(lines.column)", "The average of a sub-table column over its rows", "子表某列各行的平均值");
            case COUNT -> help(function, "COUNT(lines.column)", "How many rows have a value in the column", "子表中该列有值的行数");
            case COALESCE -> help(function, "COALESCE(a, b, …)", "The first value that is not empty", "第一个非空的值");
            case ISBLANK -> help(function, "ISBLANK(value)", "True when the value is empty", "值为空时为真");
            case LEN -> help(function, "LEN(text)", "The number of characters", "文本的字符数");
            case UPPER -> help(function, "UPPER(text)", "The text in capitals", "转为大写");
            case LOWER -> help(function, "LOWER(text)", "The text in small letters", "转为小写");
            case CONCAT -> help(function, "CONCAT(a, b, …)", "The values joined as text", "把各值连接成文本");
            case TODAY -> help(function, "TODAY()", "Today's date (the server's time zone)", "今天的日期（服务器时区）");
            case NOW -> help(function, "NOW()", "The current date and time", "当前日期和时间");
            case DAYS -> help(function, "DAYS(later, earlier)", "Days from the second date to the first", "两个日期相差的天数");
            case YEAR -> help(function, "YEAR(date)", "The year of a date", "日期的年份");
            case MONTH -> help(function, "MONTH(date)", "The month of a date, 1 to 12", "日期的月份（1–12）");
            case DATEADD -> help(function, "DATEADD(date, n, 'day')", "Adds n minutes, hours, days, months or years",
                    "加上 n 个分钟、小时、天、月或年");
            case HOURS -> help(function, "HOURS(later, earlier)", "Hours between two dates and times", "两个时间相差的小时数");
        };
    }

    private static FunctionHelp help(Function function, String signature, String en, String zh) {
        return new FunctionHelp(function.name(), signature, Map.of("en", en, "zh-CN", zh));
    }
}
