package dev.brickwork.designer.migration;

import java.util.List;

/**
 * A query run before a migration applies: every row it returns ({@code id}, {@code value}) blocks the publish.
 *
 * @param pointer where in the new definition the blocked change is (e.g. {@code /fields/3/type})
 * @param code    e.g. {@code TYPE_CHANGE_BLOCKED}, {@code UNIQUE_BLOCKED}
 * @param message what the admin must do
 * @param sql     selects at most a few blocking rows as (id text, value text)
 * @param params  the bind values, in order
 */
public record DataCheck(String pointer, String code, String message, String sql, List<Object> params) {

    public DataCheck {
        params = List.copyOf(params);
    }
}
