package dev.brickwork.forms.expr;

// The bounds that keep compiling and evaluating cheap and free of stack overflows, whatever the input.
final class Limits {

    static final int MAX_SOURCE_LENGTH = 4000;
    // parentheses, calls and unary operators inside one another
    static final int MAX_NESTING = 64;
    // the tree's height, which long operator chains also grow; the evaluator recurses this deep
    static final int MAX_TREE_HEIGHT = 256;
    static final int MAX_LITERAL_DIGITS = 38;
    // beyond this precision or |scale| a computed number is refused rather than grown further
    static final int MAX_NUMBER_DIGITS = 1000;
    // date arithmetic beyond this many days (about 27,000 years) is refused
    static final long MAX_DAY_OFFSET = 10_000_000L;
    // names are quoted into messages, but never at any length
    static final int MAX_NAME_IN_MESSAGE = 40;

    private Limits() {
    }

    static String quoteName(String name) {
        String shown = name.length() > MAX_NAME_IN_MESSAGE ? name.substring(0, MAX_NAME_IN_MESSAGE) + "…" : name;
        return "'" + shown + "'";
    }
}
