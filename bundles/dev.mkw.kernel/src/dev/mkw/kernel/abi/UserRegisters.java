package dev.mkw.kernel.abi;

/**
 * A thread's user registers as the kernel saves them on entry (its trap frame): the
 * system-call argument and result registers, the message registers the ISA passes in CPU
 * registers, the instruction pointer and four general registers.
 *
 * <p>Which message registers travel in CPU registers depends on the ISA ({@link Abi}); the
 * rest are in the {@link Utcb}. MKW keeps arguments and general registers apart (a real ABI
 * clobbers some), so an exception IPC can report {@code r0..r3} unchanged.
 */
public final class UserRegisters {
    /** Argument and result registers of the system calls (see {@link SystemCall}). */
    public static final int TO = 0, FROM = 1, SEND_TIMEOUT = 2, RECV_TIMEOUT = 3, ARG0 = 4, ARG1 = 5, ARG2 = 6, BADGE = 7;
    private static final int ARGS = 8;
    /** The nil thread ID (no send or no receive phase) and the wildcard "any thread". */
    public static final long NIL = 0, ANY = -1;
    /** A timeout register value: wait forever. 0 is the zero timeout; anything else a count of cycles. */
    public static final long NEVER = -1;
    /** General registers an exception IPC carries (MKW's r0..r3). */
    public static final int GENERAL = 4;

    private final long[] args = new long[ARGS];
    private final long[] general = new long[GENERAL];
    private long ip;

    public long get(int reg) { return args[reg]; }

    public void set(int reg, long value) { args[reg] = value; }

    public long general(int i) { return general[i]; }

    public void setGeneral(int i, long value) { general[i] = value; }

    /** The instruction pointer: for MKW's interpreter, the number of the operation executed last. */
    public long ip() { return ip; }

    public void setIp(long value) { ip = value; }
}
