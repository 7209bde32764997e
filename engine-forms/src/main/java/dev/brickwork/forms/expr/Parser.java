package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_SYNTAX;
import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_TOO_DEEP;

import dev.brickwork.forms.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

// A Pratt parser over the tokens. It stops at the first syntax error; its recursion is bounded by
// Limits#MAX_NESTING so no input can overflow the stack.
final class Parser {

    // A node with its height, so long operator chains are caught as well as deep nesting.
    private record Parsed(Syntax node, int height) {
    }

    private final List<Token> tokens;
    private int index;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    // Empty when the source does not parse; the reason is then in problems.
    static Optional<Syntax> parse(String source, Problems problems) {
        try {
            Parser parser = new Parser(Lexer.tokenize(source, problems));
            if (parser.peek().is(Kind.END)) {
                problems.add(EXPR_SYNTAX, 0, "The expression is empty");
                return Optional.empty();
            }
            Syntax tree = parser.expression(0).node();
            parser.expectEnd();
            return Optional.of(tree);
        } catch (SyntaxFailure failure) {
            problems.add(failure.problem());
            return Optional.empty();
        }
    }

    private Parsed expression(int minPower) {
        if (++depth > Limits.MAX_NESTING) {
            throw new SyntaxFailure(EXPR_TOO_DEEP, peek().position(),
                    "The expression nests deeper than " + Limits.MAX_NESTING + " levels");
        }
        Parsed left = prefix();
        while (true) {
            Token token = peek();
            BinaryOperator operator = BinaryOperator.of(token);
            if (operator == null || operator.power < minPower) {
                break;
            }
            index++;
            // power + 1: every infix operator is left-associative
            Parsed right = expression(operator.power + 1);
            int height = Math.max(left.height(), right.height()) + 1;
            if (height > Limits.MAX_TREE_HEIGHT) {
                throw new SyntaxFailure(EXPR_TOO_DEEP, token.position(),
                        "The expression chains more than " + Limits.MAX_TREE_HEIGHT + " operators");
            }
            left = new Parsed(new Syntax.Binary(operator, left.node(), right.node(), left.node().position(),
                    token.position()), height);
        }
        depth--;
        return left;
    }

    private Parsed prefix() {
        Token token = advance();
        switch (token.kind()) {
            case NUMBER:
                return leaf(new Syntax.Literal(new Value.Number(token.number()), token.position()));
            case STRING:
                return leaf(new Syntax.Literal(new Value.Text(token.text()), token.position()));
            case MINUS:
                return unary(UnaryOperator.NEGATE, token);
            case LPAREN:
                Parsed inner = expression(0);
                expect(Kind.RPAREN, "')'");
                return inner;
            case NAME:
                return name(token);
            default:
                throw unexpected(token);
        }
    }

    private Parsed name(Token token) {
        if (token.isWord("true") || token.isWord("false")) {
            return leaf(new Syntax.Literal(new Value.Bool(token.isWord("true")), token.position()));
        }
        if (token.isWord("null")) {
            return leaf(new Syntax.Literal(Value.NULL, token.position()));
        }
        if (peek().is(Kind.LPAREN)) {
            return call(token);
        }
        if (token.isWord("not")) {
            // as in SQL: `not` binds below comparisons, so `not stage = 'won'` means not (stage = 'won')
            Parsed operand = expression(BinaryOperator.AND.power + 1);
            return new Parsed(new Syntax.Unary(UnaryOperator.NOT, operand.node(), token.position()), operand.height() + 1);
        }
        if (token.isWord("and") || token.isWord("or")) {
            throw unexpected(token);
        }
        if (peek().is(Kind.DOT)) {
            index++;
            Token key = advance();
            if (!key.is(Kind.NAME)) {
                throw new SyntaxFailure(EXPR_SYNTAX, key.position(), "Expected a column key after '.'");
            }
            return leaf(new Syntax.ColumnName(token.text(), key.text(), token.position()));
        }
        return leaf(new Syntax.Name(token.text(), token.position()));
    }

    private Parsed unary(UnaryOperator operator, Token token) {
        Parsed operand = expression(BinaryOperator.UNARY_POWER);
        return new Parsed(new Syntax.Unary(operator, operand.node(), token.position()), operand.height() + 1);
    }

    private Parsed call(Token name) {
        index++; // the '('
        List<Syntax> arguments = new ArrayList<>();
        int height = 0;
        if (!peek().is(Kind.RPAREN)) {
            do {
                Parsed argument = expression(0);
                arguments.add(argument.node());
                height = Math.max(height, argument.height());
            } while (accept(Kind.COMMA));
        }
        expect(Kind.RPAREN, "',' or ')'");
        return new Parsed(new Syntax.Call(name.text(), arguments, name.position()), height + 1);
    }

    private static Parsed leaf(Syntax node) {
        return new Parsed(node, 1);
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token advance() {
        Token token = tokens.get(index);
        if (!token.is(Kind.END)) {
            index++;
        }
        return token;
    }

    private boolean accept(Kind kind) {
        if (peek().is(kind)) {
            index++;
            return true;
        }
        return false;
    }

    private void expect(Kind kind, String what) {
        Token token = peek();
        if (!token.is(kind)) {
            throw new SyntaxFailure(EXPR_SYNTAX, token.position(), "Expected " + what + " but found " + token.describe());
        }
        index++;
    }

    private void expectEnd() {
        Token token = peek();
        if (!token.is(Kind.END)) {
            throw new SyntaxFailure(EXPR_SYNTAX, token.position(), "Unexpected " + token.describe());
        }
    }

    private static SyntaxFailure unexpected(Token token) {
        return new SyntaxFailure(EXPR_SYNTAX, token.position(), "Unexpected " + token.describe());
    }
}
