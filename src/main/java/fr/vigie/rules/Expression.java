package fr.vigie.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A boolean expression over rule ids: {@code A & (B | !C)}. {@code !} binds tighter than {@code &}, which binds
 * tighter than {@code |}; parentheses group.
 */
public sealed interface Expression {

    /** Whether the expression holds when {@code fired} tells which rule ids fired. */
    default boolean holds(Predicate<String> fired) {
        return switch (this) {
            case Ref ref -> fired.test(ref.id());
            case Not not -> !not.operand().holds(fired);
            case And and -> and.operands().stream().allMatch(operand -> operand.holds(fired));
            case Or or -> or.operands().stream().anyMatch(operand -> operand.holds(fired));
        };
    }

    /** Every rule id named, negated or not. */
    default Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        collect(this, false, ids, true);
        return ids;
    }

    /** The ids named outside any {@code !}: the rules whose evidence supports the composite. */
    default Set<String> positiveIds() {
        Set<String> ids = new LinkedHashSet<>();
        collect(this, false, ids, false);
        return ids;
    }

    private static void collect(Expression e, boolean negated, Set<String> into, boolean all) {
        switch (e) {
            case Ref ref -> {
                if (all || !negated) {
                    into.add(ref.id());
                }
            }
            case Not not -> collect(not.operand(), !negated, into, all);
            case And and -> and.operands().forEach(operand -> collect(operand, negated, into, all));
            case Or or -> or.operands().forEach(operand -> collect(operand, negated, into, all));
        }
    }

    record Ref(String id) implements Expression {}

    record Not(Expression operand) implements Expression {}

    record And(List<Expression> operands) implements Expression {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Expression> operands) implements Expression {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    /** Parses an expression; throws {@link IllegalArgumentException} saying where it is wrong. */
    static Expression parse(String text) {
        Parser parser = new Parser(text);
        Expression expression = parser.or();
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.charAt(parser.pos) + "' at " + parser.pos);
        }
        return expression;
    }

    /** Recursive descent, one method per precedence level. */
    final class Parser {
        private final String text;
        private int pos;

        private Parser(String text) {
            this.text = text;
        }

        private Expression or() {
            List<Expression> operands = new ArrayList<>(List.of(and()));
            while (accept('|')) {
                operands.add(and());
            }
            return operands.size() == 1 ? operands.getFirst() : new Or(operands);
        }

        private Expression and() {
            List<Expression> operands = new ArrayList<>(List.of(unary()));
            while (accept('&')) {
                operands.add(unary());
            }
            return operands.size() == 1 ? operands.getFirst() : new And(operands);
        }

        private Expression unary() {
            if (accept('!')) {
                return new Not(unary());
            }
            if (accept('(')) {
                Expression inner = or();
                if (!accept(')')) {
                    throw new IllegalArgumentException("missing ')' at " + pos);
                }
                return inner;
            }
            skipSpaces();
            int start = pos;
            while (pos < text.length() && isIdChar(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("expected a rule id at " + pos);
            }
            return new Ref(text.substring(start, pos));
        }

        private boolean accept(char c) {
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void skipSpaces() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }

        private static boolean isIdChar(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (c >= 'a' && c <= 'z');
        }
    }
}
