package dev.brickwork.runtime.access;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What one caller may do on one form: a scope per action, and the fields that are hidden or read-only. */
public final class FormAccess {

    private final Caller caller;
    private final Map<Action, Scope> scopes;
    private final Map<String, FieldAccess> fields;

    FormAccess(Caller caller, Map<Action, Scope> scopes, Map<String, FieldAccess> fields) {
        this.caller = caller;
        this.scopes = new EnumMap<>(scopes);
        this.fields = Map.copyOf(fields);
    }

    /** The same rights for another caller. */
    FormAccess forCaller(Caller other) {
        return new FormAccess(other, scopes, fields);
    }

    /** Everything, every field: the built-in admin role. */
    static FormAccess everything(Caller caller) {
        Map<Action, Scope> all = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            all.put(action, Scope.ALL);
        }
        return new FormAccess(caller, all, Map.of());
    }

    public Caller caller() {
        return caller;
    }

    public Scope scope(Action action) {
        return scopes.getOrDefault(action, Scope.NONE);
    }

    public FieldAccess field(String key) {
        return fields.getOrDefault(key, FieldAccess.FULL);
    }

    /** The fields the caller may not see: absent from responses, unknown to filters and sorts. */
    public Set<String> hidden() {
        return fields.entrySet().stream().filter(e -> e.getValue() == FieldAccess.HIDDEN).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The fields the caller may see but not write. */
    public Set<String> readOnly() {
        return fields.entrySet().stream().filter(e -> e.getValue() == FieldAccess.READONLY).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
