package dev.mkw.sim.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer. Keys come out in the order they are written, so output is
 * byte-stable when callers write in a fixed order (and iterate sorted maps). Containers
 * nested less than {@code indentDepth} deep are broken over lines and indented by two
 * spaces; deeper ones stay on one line (a trace's events, one per line).
 */
public final class JsonWriter {
    private final Writer out;
    private final int indentDepth;
    // One entry per open container: whether it has had a member yet.
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter(Writer out, int indentDepth) {
        this.out = out;
        this.indentDepth = indentDepth;
    }

    /** A writer that indents every level. */
    public static JsonWriter pretty(Writer out) { return new JsonWriter(out, Integer.MAX_VALUE); }

    /** A writer that puts everything on one line. */
    public static JsonWriter compact(Writer out) { return new JsonWriter(out, 0); }

    public JsonWriter beginObject() { return begin('{'); }
    public JsonWriter endObject() { return end('}'); }
    public JsonWriter beginArray() { return begin('['); }
    public JsonWriter endArray() { return end(']'); }

    public JsonWriter name(String name) {
        if (open.isEmpty()) throw new IllegalStateException("a name outside an object");
        separate();
        string(name);
        raw(indenting(open.size()) ? ": " : ":");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        if (s == null) return nullValue();
        separate();
        string(s);
        return this;
    }

    public JsonWriter value(long v) { separate(); raw(Long.toString(v)); return this; }

    /** A number with at most {@code fractionDigits} decimals; NaN and infinities become null. */
    public JsonWriter value(double v, int fractionDigits) {
        if (!Double.isFinite(v)) return nullValue();
        separate();
        raw(Decimals.format(v, fractionDigits));
        return this;
    }

    /** A number already formatted as JSON (e.g. {@link Decimals#micros}). */
    public JsonWriter number(String formatted) { separate(); raw(formatted); return this; }

    public JsonWriter value(boolean b) { separate(); raw(b ? "true" : "false"); return this; }

    public JsonWriter nullValue() { separate(); raw("null"); return this; }

    public JsonWriter field(String name, String v) { return name(name).value(v); }
    public JsonWriter field(String name, long v) { return name(name).value(v); }
    public JsonWriter field(String name, double v, int digits) { return name(name).value(v, digits); }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonWriter begin(char c) {
        separate();
        raw(String.valueOf(c));
        open.push(new boolean[1]);
        return this;
    }

    private JsonWriter end(char c) {
        if (open.isEmpty()) throw new IllegalStateException("nothing open to close with " + c);
        boolean hadMembers = open.pop()[0];
        if (hadMembers && indenting(open.size() + 1)) newline(open.size());
        raw(String.valueOf(c));
        return this;
    }

    // Before a value or name: a comma if the container already has a member, then a line break.
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (open.isEmpty()) return;
        boolean[] first = open.peek();
        if (first[0]) raw(",");
        first[0] = true;
        if (indenting(open.size())) newline(open.size());
    }

    private boolean indenting(int depth) { return depth <= indentDepth; }

    private void newline(int depth) {
        StringBuilder b = new StringBuilder(1 + 2 * depth).append('\n');
        for (int i = 0; i < depth; i++) b.append("  ");
        raw(b.toString());
    }

    private void string(String s) {
        raw(quote(s));
    }

    /** {@code s} as a JSON string literal, quotes included (RFC 8259 escaping). */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    // Control characters must be escaped; U+2028/9 break JavaScript readers;
                    // a lone surrogate would not survive UTF-8 encoding.
                    boolean lone = Character.isSurrogate(c) && !pairedSurrogate(s, i);
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || lone) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                        if (Character.isHighSurrogate(c)) b.append(s.charAt(++i));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private void raw(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
