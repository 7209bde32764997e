package dev.brickwork.runtime.records.query;

/** One key of the order: ascending puts NULLs last, descending puts them first (NULL sorts as the greatest value). */
record SortTerm(QueryField field, boolean descending) {

    String orderBy(String alias) {
        return alias + "." + field.quoted() + (descending ? " DESC NULLS FIRST" : " ASC NULLS LAST");
    }

    /** The term as written in {@code sort}, with its column type, so a cursor cannot outlive a type change. */
    String canonical() {
        return (descending ? "-" : "") + field.name() + ":" + field.type().sql();
    }
}
