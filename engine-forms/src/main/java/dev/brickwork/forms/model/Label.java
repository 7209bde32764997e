package dev.brickwork.forms.model;

import java.util.Map;

/**
 * A label: either one plain string or a text per language tag ({@code en}, {@code zh-CN}).
 *
 * @param plain        the plain string, or null when the label is per language
 * @param translations language tag to text; empty when {@code plain} is set
 */
public record Label(String plain, Map<String, String> translations) {

    public Label {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    public static Label of(String plain) {
        return new Label(plain, Map.of());
    }

    /** The text for a language, falling back to English, then to any text there is. */
    public String in(String language) {
        if (plain != null) {
            return plain;
        }
        String text = translations.get(language);
        if (text == null) {
            text = translations.get("en");
        }
        if (text == null && !translations.isEmpty()) {
            text = translations.values().iterator().next();
        }
        return text;
    }
}
