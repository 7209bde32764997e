package dev.brickwork.platform.http;

/**
 * Optimistic locking (docs/spec.md §1): the version an {@code If-Match} header names, and whether it is stale. Every
 * resource with a {@code version} reads the header here, so {@code "3"}, {@code W/"3"} and {@code 3} mean the same
 * everywhere.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version asked for; null without a header (or with {@code *}); -1 for a tag that names no version. */
    public static Integer version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Integer.valueOf(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** True when a version was asked for and the resource is at another one (compared as numbers, not boxes). */
    public static boolean stale(Integer expected, int actual) {
        return expected != null && expected.intValue() != actual;
    }
}
