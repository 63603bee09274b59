package dev.mkw.dsl.translate;

import dev.mkw.dsl.mkw.Size;

/** Number literals of the language: decimal or 0x hex with optional underscores; sizes with K/M/G (powers of 1024). */
public final class Numbers {
    private Numbers() {}

    /** The literal's value; one too large for 64 bits saturates to Long.MAX_VALUE (validation reports it). */
    public static long parse(String literal) {
        if (literal == null) return 0;
        String t = literal.replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) return t.length() == 2 ? 0 : Long.parseUnsignedLong(t.substring(2), 16);
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Whether the literal fits in 64 bits (hex literals up to 0xffff_ffff_ffff_ffff, read as unsigned). */
    public static boolean fits(String literal) {
        if (literal == null) return true;
        String t = literal.replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                if (t.length() > 2) Long.parseUnsignedLong(t.substring(2), 16);
            } else {
                Long.parseLong(t);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether a size with its unit (K, M, G) fits in 64 bits. */
    public static boolean sizeFits(Size s) {
        if (s == null || !fits(s.getValue())) return s == null;
        long v = parse(s.getValue());
        int shift = s.getUnit() == null ? 0 : switch (s.getUnit()) { case "K" -> 10; case "M" -> 20; case "G" -> 30; default -> 0; };
        return v >= 0 && v <= (Long.MAX_VALUE >> shift);
    }

    public static long size(Size s) {
        if (s == null) return 0;
        long v = parse(s.getValue());
        if (s.getUnit() != null && v > (Long.MAX_VALUE >> 30)) return Long.MAX_VALUE;
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
