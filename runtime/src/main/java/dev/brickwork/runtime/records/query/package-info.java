/**
 * The list query of the records API (docs/spec.md §4): {@code filter}, {@code sort}, {@code q}, {@code limit},
 * {@code cursor}, {@code count} and the recycle bin, validated against the form and rendered as SQL.
 *
 * <p>Entry point: {@link dev.brickwork.runtime.records.query.ListQueries#plan}. It reports every problem at once
 * ({@code errors[]} with pointers into the query string: {@code /filter/and/0/field}, {@code /sort/1},
 * {@code /limit}, {@code /q}, {@code /cursor}); a malformed filter or an invalid cursor makes the problem a 400,
 * anything else is a 422. Rejected values are never echoed.
 *
 * <p>Semantics worth knowing:
 * <ul>
 *   <li>Negations match NULL: {@code ne} is {@code IS DISTINCT FROM}, {@code nin} is "NULL or not in". Ordering
 *       operators ({@code lt lte gt gte between}) never match NULL; {@code between} includes both ends.</li>
 *   <li>{@code contains}/{@code startsWith} on text are case-insensitive (ILIKE), the value taken literally
 *       ({@code % _ \} escaped).</li>
 *   <li>Multiselects: {@code contains} = holds the value; {@code in} = shares any value; {@code nin} = shares none
 *       (or is empty); {@code eq}/{@code ne} = the same set in any order; {@code isNull true} = NULL or no value
 *       selected.</li>
 *   <li>Values are strict per column type: text a string (at most 1000 characters); integers a JSON integer or an
 *       integral string; decimals a JSON number or a numeric string, kept exact; booleans JSON booleans; dates
 *       {@code yyyy-MM-dd}; date-times ISO-8601 with an offset; references, users, departments, {@code id},
 *       {@code owner}, {@code createdBy} UUIDs. Lists ({@code in}, {@code nin}) hold 1 to 500 values.</li>
 *   <li>Attachments, subtables and sensitive fields can be neither filtered, sorted nor searched (sensitive values are
 *       encrypted at rest; filtering on them would also be an oracle). Multiselects cannot be sorted by.</li>
 *   <li>Order: at most five terms, then {@code id} in the direction of the last term; {@code -id} (newest first)
 *       by default. NULL sorts as the greatest value: ascending NULLS LAST, descending NULLS FIRST, which is
 *       PostgreSQL's default and what a plain index serves.</li>
 *   <li>{@code q} (trimmed, at most 200 characters, blank ignored) searches text, textarea, email, phone, url,
 *       select (the stored option value) and autonumber fields; a form without any answers 422 Q_UNSUPPORTED.</li>
 *   <li>{@code count=true} is exact up to a limit and the planner's estimate past it ({@link
 *       dev.brickwork.runtime.records.query.CountQueries}); publish gives every sort and every searched column the
 *       index it needs (decision 0028).</li>
 *   <li>Cursors are signed, not encrypted: they carry the last row's sort values, which the client has seen. They
 *       are bound to the form and to a hash of the normalized sort (with column types), filter, q and recycle-bin
 *       flag, not to the limit, so the page size may change between pages.</li>
 * </ul>
 */
package dev.brickwork.runtime.records.query;
