package dev.brickwork.designer.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Names of the database objects a form owns. Every name is derived from validated keys, kept within
 * PostgreSQL's 63-byte limit (shortened with a hash so two long names never collide), and always quoted.
 */
public final class SqlNames {

    private static final int MAX = 63;
    /** Every set-aside column, table and object name starts with this, then the version that set it aside. */
    public static final String ASIDE_PREFIX = "_removed_v";
    private static final Pattern SAFE = Pattern.compile("[a-z_][a-z0-9_]*");

    private SqlNames() {
    }

    public static String schema(String appKey) {
        return "app_" + appKey;
    }

    public static String childTable(String formKey, String subtableKey) {
        return fit(formKey + "__" + subtableKey);
    }

    /** The equality-hash column beside a sensitive field's ciphertext; keys never start with '_', so no field clashes. */
    public static String hashColumn(String fieldKey) {
        return "_h_" + fieldKey;
    }

    public static String asideColumn(String fieldKey, int version) {
        return aside(fieldKey, version);
    }

    public static String asideTable(String table, int version) {
        return aside(table, version);
    }

    /** The name an index, constraint or sequence of a set-aside table takes, so the live name is free again. */
    public static String asideObject(String name, int version) {
        return aside(name, version);
    }

    /** Set-aside names start with an underscore, which no key does: they never clash with a live name. */
    private static String aside(String name, int version) {
        return fit(ASIDE_PREFIX + version + "_" + name);
    }

    /** An index or constraint name: kind, table, subject, and a hash of what it covers, so a changed definition gets a new name. */
    public static String object(String kind, String table, String subject, String definition) {
        String hash = hash(definition).substring(0, 8);
        String base = kind + "_" + table + "_" + subject;
        int room = MAX - hash.length() - 1;
        return (base.length() > room ? base.substring(0, room) : base) + "_" + hash;
    }

    /** Quotes an identifier. Only names made here (from validated keys) ever reach it. */
    public static String quote(String identifier) {
        if (!SAFE.matcher(identifier).matches()) {
            throw new IllegalArgumentException("Not a safe identifier");
        }
        return '"' + identifier + '"';
    }

    public static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    private static String fit(String name) {
        if (name.length() <= MAX) {
            return name;
        }
        String hash = hash(name).substring(0, 8);
        return name.substring(0, MAX - hash.length() - 1) + "_" + hash;
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
