package dev.mkw.dsl.parser;

/**
 * How deeply a scenario's blocks and parentheses nest, read from the text alone (strings and
 * comments skipped). The parser is recursive descent: every level costs stack frames, and a
 * generated or mangled file with thousands of levels would overflow the JVM's stack. No
 * experiment needs more than a handful of levels, so {@link #LIMIT} levels are allowed and the
 * first bracket beyond them is reported where it stands.
 */
public final class NestingDepth {
    /** Levels of '{' and '(' together a scenario may nest. */
    public static final int LIMIT = 64;

    /** The first bracket that opens level {@code LIMIT + 1}, and where its matching bracket closes (or the text ends). */
    public record Excess(int open, int close) {}

    private NestingDepth() {}

    /** The first bracket nested deeper than {@link #LIMIT}, or null when the text stays within it. */
    public static Excess find(CharSequence text) {
        int depth = 0, open = -1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(text, i, c);
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = indexOf(text, "*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (c == '{' || c == '(') {
                depth++;
                if (depth == LIMIT + 1 && open < 0) open = i;
            } else if (c == '}' || c == ')') {
                if (depth == LIMIT + 1 && open >= 0) return new Excess(open, i);
                if (depth > 0) depth--;
            }
        }
        return open < 0 ? null : new Excess(open, n - 1);
    }

    /**
     * The text with everything between the excess bracket and its partner blanked (line breaks
     * kept), so offsets, lines and columns stay those of the original and the parser meets an
     * empty block or group where the too-deep part was.
     */
    public static String blankInside(CharSequence text, Excess e) {
        StringBuilder b = new StringBuilder(text);
        int end = e.close() < text.length() && (text.charAt(e.close()) == '}' || text.charAt(e.close()) == ')') ? e.close() : e.close() + 1;
        for (int i = e.open() + 1; i < end && i < b.length(); i++) {
            char c = b.charAt(i);
            if (c != '\n' && c != '\r') b.setCharAt(i, ' ');
        }
        return b.toString();
    }

    private static int skipString(CharSequence text, int start, char quote) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') i++;
            else if (c == quote) return i;
        }
        return text.length();
    }

    private static int indexOf(CharSequence text, String what, int from) {
        return text.toString().indexOf(what, from);
    }
}
