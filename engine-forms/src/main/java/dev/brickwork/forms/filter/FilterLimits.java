package dev.brickwork.forms.filter;

/** The bounds of a filter (docs/spec.md §4), the same wherever one is read. */
public final class FilterLimits {

    /** and/or groups inside one another */
    public static final int MAX_DEPTH = 10;
    public static final int MAX_CONDITIONS = 100;
    /** values of one {@code in}/{@code nin} list */
    public static final int MAX_LIST = 500;
    /** characters of one text value */
    public static final int MAX_TEXT = 1000;

    private FilterLimits() {
    }
}
