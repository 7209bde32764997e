package dev.brickwork.forms.read;

import java.util.Set;

/** Field keys that cannot be used: they are column names, so PostgreSQL's reserved words and our system columns are out. */
final class FieldKeys {

    /** PostgreSQL 16, Appendix C: "reserved" and "reserved (can be function or type)". */
    static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role", "current_schema",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group",
            "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral",
            "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null",
            "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references",
            "returning", "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table",
            "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic",
            "verbose", "when", "where", "window", "with");

    /** Columns every record table (and subtable row table) has. */
    static final Set<String> SYSTEM = Set.of(
            "id", "version", "owner", "created_by", "created_at", "updated_at", "deleted_at", "approval",
            "parent_id", "position");

    private FieldKeys() {
    }
}
