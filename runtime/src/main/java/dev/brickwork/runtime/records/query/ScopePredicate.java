package dev.brickwork.runtime.records.query;

/**
 * An extra condition on the records a list may return, added by the caller (the permissions work: "own records
 * only", a department's records, ...). It is ANDed with everything else and applies to the count as well.
 */
@FunctionalInterface
public interface ScopePredicate {

    /** No restriction. */
    ScopePredicate NONE = (alias, params) -> null;

    /**
     * The SQL boolean expression, or null for no restriction.
     *
     * @param alias  the alias of the form table in the statement; qualify columns with it ({@code alias + ".owner"})
     * @param params where to add bind values; use the returned {@code $n}, never inline a value
     */
    String sql(String alias, Params params);
}
