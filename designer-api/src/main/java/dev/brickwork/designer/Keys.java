package dev.brickwork.designer;

import java.util.regex.Pattern;

/** The key format of docs/spec.md §1 for apps, forms, fields, flows and reports. */
public final class Keys {

    public static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

    private Keys() {
    }

    public static boolean valid(String key) {
        return key != null && KEY.matcher(key).matches();
    }
}
