package dev.mkw.scenario;

/**
 * An IPC timeout as written in a scenario: never, zero (poll), or a relative number of
 * cycles. The kernel converts relative times to the L4 16-bit encoding
 * (mantissa 10 bits, exponent 5 bits: 2^e * m microseconds), which is lossy on purpose.
 */
public record Timeout(Kind kind, long cycles) {
    public enum Kind { NEVER, ZERO, CYCLES }
    public static final Timeout NEVER = new Timeout(Kind.NEVER, 0);
    public static final Timeout ZERO = new Timeout(Kind.ZERO, 0);
    public static Timeout cycles(long c) { return new Timeout(Kind.CYCLES, c); }
}
