package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_NUMBER_TOO_LARGE;
import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_SYNTAX;

import dev.brickwork.forms.expr.Token.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

// Splits the source into tokens; throws SyntaxFailure at the first character it cannot read.
final class Lexer {

    private final String source;
    private final Problems problems;
    private int pos;

    private Lexer(String source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    // Too-long number literals are reported to problems and lexing goes on; syntax errors throw.
    static List<Token> tokenize(String source, Problems problems) {
        return new Lexer(source, problems).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= source.length()) {
                tokens.add(new Token(Kind.END, "", pos, null));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpace() {
        // Character.isSpaceChar also covers the no-break and ideographic spaces that pasted text brings
        while (pos < source.length()
                && (Character.isWhitespace(source.charAt(pos)) || Character.isSpaceChar(source.charAt(pos)))) {
            pos++;
        }
    }

    private Token next() {
        int start = pos;
        char c = source.charAt(pos);
        if (isDigit(c)) {
            return number(start);
        }
        if (isNameStart(c)) {
            while (pos < source.length() && isNamePart(source.charAt(pos))) {
                pos++;
            }
            return new Token(Kind.NAME, source.substring(start, pos), start, null);
        }
        if (c == '\'' || c == '"') {
            return string(start, c);
        }
        pos++;
        return switch (c) {
            case '+' -> symbol(Kind.PLUS, start);
            case '-' -> symbol(Kind.MINUS, start);
            case '*' -> symbol(Kind.STAR, start);
            case '/' -> symbol(Kind.SLASH, start);
            case '%' -> symbol(Kind.PERCENT, start);
            case '&' -> symbol(Kind.AMPERSAND, start);
            case '=' -> symbol(Kind.EQ, start);
            case '(' -> symbol(Kind.LPAREN, start);
            case ')' -> symbol(Kind.RPAREN, start);
            case ',' -> symbol(Kind.COMMA, start);
            case '.' -> symbol(Kind.DOT, start);
            case '!' -> {
                if (!follows('=')) {
                    throw new SyntaxFailure(EXPR_SYNTAX, start, "Unexpected '!'; did you mean '!='?");
                }
                yield symbol(Kind.NE, start);
            }
            case '<' -> follows('=') ? symbol(Kind.LE, start)
                    : follows('>') ? symbol(Kind.NE, start) : symbol(Kind.LT, start);
            case '>' -> follows('=') ? symbol(Kind.GE, start) : symbol(Kind.GT, start);
            default -> throw new SyntaxFailure(EXPR_SYNTAX, start, "Unexpected character");
        };
    }

    private boolean follows(char expected) {
        if (pos < source.length() && source.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private Token symbol(Kind kind, int start) {
        return new Token(kind, source.substring(start, pos), start, null);
    }

    private Token number(int start) {
        int digits = digitsFrom();
        if (pos + 1 < source.length() && source.charAt(pos) == '.' && isDigit(source.charAt(pos + 1))) {
            pos++;
            digits += digitsFrom();
        }
        String text = source.substring(start, pos);
        if (digits > Limits.MAX_LITERAL_DIGITS) {
            problems.add(EXPR_NUMBER_TOO_LARGE, start,
                    "A number may have at most " + Limits.MAX_LITERAL_DIGITS + " digits");
        }
        return new Token(Kind.NUMBER, text, start, new BigDecimal(text));
    }

    private int digitsFrom() {
        int from = pos;
        while (pos < source.length() && isDigit(source.charAt(pos))) {
            pos++;
        }
        return pos - from;
    }

    private Token string(int start, char quote) {
        StringBuilder content = new StringBuilder();
        pos++;
        while (pos < source.length()) {
            char c = source.charAt(pos++);
            if (c != quote) {
                content.append(c);
            } else if (pos < source.length() && source.charAt(pos) == quote) {
                content.append(quote); // a doubled quote stands for itself
                pos++;
            } else {
                return new Token(Kind.STRING, content.toString(), start, null);
            }
        }
        throw new SyntaxFailure(EXPR_SYNTAX, start, "Text literal is not closed");
    }

    // ASCII only: Character.isDigit would accept other scripts' digits that BigDecimal reads differently
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
