package dev.mkw.kernel.ipc;

/**
 * The L4 X.2 16-bit relative timeout: {@code 2^e × m} microseconds with a 10-bit mantissa m
 * (bits 0..9) and a 5-bit exponent e (bits 11..15); bit 10 is 0 for relative times. Two
 * special words, as in L4Ka::Pistachio's headers: {@link #NEVER} = 0x0000 (L4_Never) and
 * {@link #ZERO} = 0x0400 (L4_ZeroTime). The encoding covers 1 µs to 1023 × 2^31 µs
 * (about 610 hours) and is lossy: encoding rounds up, so a timeout never fires early.
 */
public final class TimeoutCodec {
    public static final int NEVER = 0x0000;
    public static final int ZERO = 0x0400;
    private static final int MAX_E = 31;
    private static final long MAX_M = 1023;

    private TimeoutCodec() {}

    /** Encode a relative timeout of {@code micros} µs (≥ 1). */
    public static int encode(long micros) {
        if (micros <= 0) return ZERO;
        int e = 0;
        long m = micros;
        while (m > MAX_M) {
            m = (m + 1) >> 1;
            e++;
        }
        if (e > MAX_E) throw new IllegalArgumentException("timeout of " + micros + " µs exceeds the encodable maximum of " + maxMicros() + " µs");
        return (e << 11) | (int) m;
    }

    /** The microseconds a relative timeout word stands for; -1 for never. */
    public static long decode(int word) {
        if (word == NEVER) return -1;
        if (word == ZERO) return 0;
        int e = (word >>> 11) & 0x1F;
        long m = word & 0x3FF;
        return m << e;
    }

    public static long maxMicros() {
        return MAX_M << MAX_E;
    }
}
