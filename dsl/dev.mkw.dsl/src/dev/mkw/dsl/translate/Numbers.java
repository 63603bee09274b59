package dev.mkw.dsl.translate;

import dev.mkw.dsl.mkw.Size;

/** Number literals of the language: decimal or 0x hex with optional underscores; sizes with K/M/G (powers of 1024). */
public final class Numbers {
    private Numbers() {}

    public static long parse(String literal) {
        String t = literal.replace("_", "");
        if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
        return Long.parseLong(t);
    }

    public static long size(Size s) {
        long v = parse(s.getValue());
        if (s.getUnit() == null) return v;
        return switch (s.getUnit()) {
            case "K" -> v << 10;
            case "M" -> v << 20;
            case "G" -> v << 30;
            default -> v;
        };
    }

    /** log2 of a power-of-two size, or -1. */
    public static int log2(long size) {
        return size > 0 && Long.bitCount(size) == 1 ? Long.numberOfTrailingZeros(size) : -1;
    }
}
