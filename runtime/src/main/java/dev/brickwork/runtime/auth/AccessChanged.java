package dev.brickwork.runtime.auth;

/**
 * Fired (CDI {@code Event}) after a change that alters what someone may do has been committed, so that whoever
 * caches compiled permissions can drop them. Fired after the commit, never inside the transaction, so an observer
 * that reloads sees the new state.
 *
 * @param what {@link #ROLES} (a role definition or a user's roles changed) or {@link #DEPARTMENTS} (the department
 *             tree, a manager or a user's department changed)
 */
public record AccessChanged(String what) {

    public static final String ROLES = "roles";
    public static final String DEPARTMENTS = "departments";
}
