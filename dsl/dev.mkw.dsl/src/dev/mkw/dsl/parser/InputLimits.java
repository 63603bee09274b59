package dev.mkw.dsl.parser;

import java.util.ArrayDeque;

/**
 * How deeply a scenario nests, read from its text alone (strings and comments skipped), before
 * the parser sees it. The parser is recursive descent, and {@code 1 + 1 + ... + 1} builds a
 * tree as deep as it is long that the node model and EMF's validator walk recursively: a
 * generated or mangled file could overflow the JVM's stack in any of them. No experiment needs
 * more than a handful of levels, so two generous limits are set, and the first place beyond
 * one is reported where it stands:
 * <ul>
 * <li>blocks and parentheses together nest at most {@link #NESTING} levels;</li>
 * <li>the binary operators of one expression, counted through its open parentheses, number at
 * most {@link #OPERATORS}.</li>
 * </ul>
 * Together they bound the syntax tree's depth to a few hundred levels.
 */
public final class InputLimits {
    public static final int NESTING = 64;
    public static final int OPERATORS = 128;

    /**
     * The first excess: {@code at} is where the message belongs; the text in
     * [{@code blankFrom}, {@code blankTo}) is what the parser must not see.
     */
    public record Excess(int at, int blankFrom, int blankTo, String message) {}

    private InputLimits() {}

    /** The first place the text goes beyond a limit, or null. */
    public static Excess find(CharSequence text) {
        // One entry per open bracket level: the operators of the expression being read there.
        ArrayDeque<int[]> levels = new ArrayDeque<>();
        levels.push(new int[] {0});
        int operators = 0; // across the open levels
        boolean afterOperand = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) continue;
            if (c == '"' || c == '\'') {
                i = skipString(text, i, c);
                afterOperand = true;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.toString().indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (c == '{' || c == '(') {
                if (levels.size() > NESTING) {
                    return new Excess(i, i + 1, closer(text, i), "blocks and parentheses nest at most " + NESTING + " levels deep; this '" + c
                            + "' opens level " + (NESTING + 1) + " (move the inner part into a thread of its own, or flatten it)");
                }
                if (c == '{') { operators -= levels.peek()[0]; levels.peek()[0] = 0; }
                levels.push(new int[] {0});
                afterOperand = false;
            } else if (c == '}' || c == ')') {
                if (levels.size() > 1) operators -= levels.pop()[0];
                if (c == '}') { operators -= levels.peek()[0]; levels.peek()[0] = 0; }
                afterOperand = c == ')';
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) end++;
                if (afterOperand) { operators -= levels.peek()[0]; levels.peek()[0] = 0; } // two operands in a row: a new expression
                afterOperand = true;
                i = end - 1;
            } else if (isOperator(text, i)) {
                int len = (c == '<' || c == '>') ? 2 : 1;
                if (afterOperand) {
                    levels.peek()[0]++;
                    if (++operators > OPERATORS) {
                        return new Excess(i, i, endOfExpression(text, i), "an expression has at most " + OPERATORS
                                + " operators (counted through its parentheses); split it with 'let'");
                    }
                }
                afterOperand = false;
                i += len - 1;
            } else if (c == '.') {
                if (i + 1 < n && text.charAt(i + 1) == '.') { operators -= levels.peek()[0]; levels.peek()[0] = 0; afterOperand = false; i++; }
                else afterOperand = false; // x.w0: the field continues the operand
            } else {
                // ',', '==', '->', ':' and the rest end the expression being read.
                operators -= levels.peek()[0];
                levels.peek()[0] = 0;
                afterOperand = false;
                if (c == '-' && i + 1 < n && text.charAt(i + 1) == '>') i++;
            }
        }
        return null;
    }

    /**
     * The text with [{@code blankFrom}, {@code blankTo}) blanked (line breaks kept), so offsets,
     * lines and columns stay those of the original and the parser meets an empty block, an
     * empty group, or an expression that ends at the excess.
     */
    public static String blank(CharSequence text, Excess e) {
        StringBuilder b = new StringBuilder(text);
        for (int i = e.blankFrom(); i < e.blankTo() && i < b.length(); i++) {
            char c = b.charAt(i);
            if (c != '\n' && c != '\r') b.setCharAt(i, ' ');
        }
        return b.toString();
    }

    private static boolean isOperator(CharSequence text, int i) {
        char c = text.charAt(i);
        if (c == '+' || c == '*' || c == '/' || c == '%' || c == '&' || c == '|') return true;
        if (c == '-') return !(i + 1 < text.length() && text.charAt(i + 1) == '>');
        if (c == '<' || c == '>') return i + 1 < text.length() && text.charAt(i + 1) == c;
        return false;
    }

    /** Where the bracket at {@code open} is closed (the closer itself is kept), or the end of the text. */
    private static int closer(CharSequence text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') i = skipString(text, i, c);
            else if (c == '{' || c == '(') depth++;
            else if ((c == '}' || c == ')') && --depth == 0) return i;
        }
        return text.length();
    }

    /** The end of the expression an operator at {@code from} continues: the first token that cannot continue it. */
    private static int endOfExpression(CharSequence text, int from) {
        boolean afterOperand = false;
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) continue;
            if (c == '(') {
                if (afterOperand) return i;
                i = closer(text, i);
                if (i >= n) return n;
                afterOperand = true;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                if (afterOperand) return i;
                while (i + 1 < n && (Character.isLetterOrDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '_' || text.charAt(i + 1) == '.')) i++;
                afterOperand = true;
            } else if (isOperator(text, i)) {
                afterOperand = false;
                if (c == '<' || c == '>') i++;
            } else {
                return i;
            }
        }
        return n;
    }

    private static int skipString(CharSequence text, int start, char quote) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') i++;
            else if (c == quote) return i;
        }
        return text.length();
    }
}
