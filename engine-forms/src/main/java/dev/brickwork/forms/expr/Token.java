package dev.brickwork.forms.expr;

import java.math.BigDecimal;

// One lexical token; text is a string literal's unescaped content, a name as written, else the symbol.
record Token(Kind kind, String text, int position, BigDecimal number) {

    enum Kind {
        NUMBER, STRING, NAME,
        PLUS, MINUS, STAR, SLASH, PERCENT, AMPERSAND,
        EQ, NE, LT, LE, GT, GE,
        LPAREN, RPAREN, COMMA, DOT,
        END
    }

    boolean is(Kind other) {
        return kind == other;
    }

    // Case-insensitive, for keywords.
    boolean isWord(String word) {
        return kind == Kind.NAME && text.equalsIgnoreCase(word);
    }

    // How a message may name the token without echoing a literal value.
    String describe() {
        return switch (kind) {
            case NUMBER -> "a number";
            case STRING -> "a text literal";
            case NAME -> "the name " + Limits.quoteName(text);
            case END -> "the end of the expression";
            default -> "'" + text + "'";
        };
    }
}
