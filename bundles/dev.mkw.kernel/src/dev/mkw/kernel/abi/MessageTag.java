package dev.mkw.kernel.abi;

/**
 * MR0, the message tag (L4 X.2 reference manual, "Message Tag"): label in bits 16..63, the
 * flags in bits 12..15 (E, the error flag, is bit 15), t (typed words) in 6..11, u
 * (untyped words) in 0..5.
 */
public record MessageTag(long label, boolean error, int typedWords, int untypedWords) {
    private static final long E = 1L << 15;

    public long encode() {
        return (label << 16) | (error ? E : 0) | ((long) (typedWords & 0x3F) << 6) | (untypedWords & 0x3F);
    }

    public static MessageTag decode(long word) {
        return new MessageTag(word >> 16, (word & E) != 0, (int) ((word >>> 6) & 0x3F), (int) (word & 0x3F));
    }

    /** Labels of the messages the kernel generates (X.2: page fault -2, exception -5 (ia32), interrupt -1, each << 4). */
    public static final long PAGE_FAULT = -2L << 4, EXCEPTION = -5L << 4, INTERRUPT = -1L << 4;
    /** MKW's label of a notification delivered to a waiting thread (its bits in MR1). */
    public static final long NOTIFICATION = -6L << 4;

    /** Whether a label is that of a kernel-generated message of kind {@code kind} (the low 4 bits carry details). */
    public static boolean is(long label, long kind) {
        return (label & ~0xFL) == kind;
    }
}
