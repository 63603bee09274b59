package dev.mkw.kernel.memory;

/**
 * A flexpage: a naturally aligned region of 2^s bytes with access rights (Microkernel
 * Construction I.12, "Flexpages"). L4 X.2 encodes it in one word:
 * {@code base (bits 10..63, as base >> 10 << 10) | s << 4 | rwx}, with s ≥ 12. The nil
 * fpage has size 0; the complete address space has s = 1 and base 0.
 */
public record Fpage(long base, int sizeLog2, int rights) {
    public static final int R = 4, W = 2, X = 1, RWX = 7;
    public static final Fpage NIL = new Fpage(0, 0, 0);
    public static final Fpage COMPLETE = new Fpage(0, 1, RWX);

    public Fpage {
        if (sizeLog2 != 0 && sizeLog2 != 1 && (sizeLog2 < 12 || sizeLog2 > 63)) throw new IllegalArgumentException("fpage size 2^" + sizeLog2 + " is not between 2^12 and 2^63");
        if (sizeLog2 >= 12 && (base & ((1L << sizeLog2) - 1)) != 0) throw new IllegalArgumentException(String.format("fpage base 0x%x is not aligned to its size 2^%d", base, sizeLog2));
    }

    public boolean isNil() { return sizeLog2 == 0; }
    public boolean isComplete() { return sizeLog2 == 1; }
    /** Bytes covered; 2^63 does not fit a long and saturates, as the complete space's size does. */
    public long size() { return isComplete() || sizeLog2 == 63 ? Long.MAX_VALUE : isNil() ? 0 : 1L << sizeLog2; }
    public boolean contains(long addr) { return isComplete() || (!isNil() && addr >= base && addr - base < size()); }

    public long encode() { return (base & ~0x3FFL) | ((long) sizeLog2 << 4) | (rights & 7); }

    /**
     * The fpage a word from user space names. Any word is an fpage (L4 X.2): the base is
     * truncated to the fpage's alignment, and a size no page size allows (2..11) names nothing
     * (the nil fpage), so a hostile word can never make the kernel fail.
     */
    public static Fpage decode(long word) {
        int s = (int) ((word >>> 4) & 0x3F);
        if (s == 0 || (s > 1 && s < 12)) return NIL;
        if (s == 1) return COMPLETE;
        return new Fpage(word & ~0x3FFL & -(1L << s), s, (int) (word & 7));
    }

    public static int rights(String rwx) {
        int r = 0;
        if (rwx.indexOf('r') >= 0) r |= R;
        if (rwx.indexOf('w') >= 0) r |= W;
        if (rwx.indexOf('x') >= 0) r |= X;
        return r;
    }

    public static String rightsText(int r) {
        return ((r & R) != 0 ? "r" : "-") + ((r & W) != 0 ? "w" : "-") + ((r & X) != 0 ? "x" : "-");
    }
}
