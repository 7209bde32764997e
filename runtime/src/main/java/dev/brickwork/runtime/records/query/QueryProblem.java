package dev.brickwork.runtime.records.query;

import dev.brickwork.platform.http.ProblemType;

/**
 * Why a list query was refused. The problem's type is the area at fault (or {@link #QUERY_INVALID} when several
 * are); each located error inside carries a finer code (see {@link QueryCodes}).
 */
public enum QueryProblem implements ProblemType {
    QUERY_INVALID(422, "The list query is invalid"),
    FILTER_INVALID(422, "The filter is invalid"),
    SORT_INVALID(422, "The sort is invalid"),
    LIMIT_INVALID(422, "The limit is invalid"),
    Q_INVALID(422, "The search text is invalid"),
    FILTER_MALFORMED(400, "The filter is not valid JSON"),
    CURSOR_INVALID(400, "The cursor is invalid");

    private final int status;
    private final String title;

    QueryProblem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
