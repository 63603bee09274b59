package dev.mkw.kernel.abi;

/**
 * A user thread control block: the page-resident part of a thread's state that user code
 * and the kernel share (L4 X.2 reference manual, "Virtual Registers"): message registers,
 * buffer registers, and the thread control registers MKW uses (ErrorCode, and the slot of
 * a received capability as seL4's IPC buffer reports it).
 *
 * <p>It lives at {@link #address()} in the task's address space; the kernel touches the
 * words it reads and writes there through the memory hierarchy ({@link #mrOffset} etc.),
 * and keeps their values here, since the simulated memory holds no data. MKW's UTCB is
 * 512 bytes: the TCRs and BR0..BR5 in the first 64, then MR0..MR55 (X.2 has 64 MRs; no
 * MKW message needs more than 56).
 */
public final class Utcb {
    /** Bytes of one UTCB. */
    public static final int SIZE = 512;
    /** Offset of MR0; the TCRs and BRs are below it. */
    public static final int MR0_OFFSET = 64;
    public static final int MRS = (SIZE - MR0_OFFSET) / 8;
    public static final int BRS = 6;
    private static final int ERROR_CODE_OFFSET = 0, RECEIVED_CAP_OFFSET = 8, BR0_OFFSET = 16;

    /**
     * The virtual interrupt flag (interrupt-flag variant VIRTUAL): a byte beside ErrorCode among
     * the TCRs, as X.2's PreemptFlags byte sits among them (MKW's 8-byte TCR slots hold 4-byte
     * ia32 words, so the upper half of ErrorCode's slot is free).
     */
    public static final int INTERRUPT_FLAG_OFFSET = 4;

    private final long address;
    private final long[] mr = new long[MRS];
    private final long[] br = new long[BRS];
    private long errorCode;
    private long receivedCap = -1;

    public Utcb(long address) {
        this.address = address;
    }

    public long address() { return address; }

    public long mr(int i) { return mr[i]; }

    public void setMr(int i, long v) { mr[i] = v; }

    /**
     * The typed items a receiver got, two words each, in the message registers from MR
     * {@code at} on as far as they fit (L4 X.2: the untyped words first, then the typed items).
     * Returns how many typed words were written, for the message tag.
     */
    public int setTypedItems(int at, java.util.List<? extends TypedItem> items) {
        int typed = 0;
        for (TypedItem d : items) {
            if (at + 1 >= MRS) break;
            mr[at++] = d.word0();
            mr[at++] = d.word1();
            typed += 2;
        }
        return typed;
    }

    public long br(int i) { return br[i]; }

    public void setBr(int i, long v) { br[i] = v; }

    /** L4 X.2 ErrorCode TCR: the last IPC's error (reason << 1 | phase), valid when the tag's E bit is set. */
    public long errorCode() { return errorCode; }

    public void setErrorCode(long v) { errorCode = v; }

    /** The slot the first capability of the last received message landed in, or -1. */
    public long receivedCap() { return receivedCap; }

    public void setReceivedCap(long v) { receivedCap = v; }

    public long mrAddress(int i) { return address + MR0_OFFSET + 8L * i; }

    public long brAddress(int i) { return address + BR0_OFFSET + 8L * i; }

    /** Where a thread's cli/sti store when the interrupt flag is virtual. */
    public long interruptFlagAddress() { return address + INTERRUPT_FLAG_OFFSET; }

    public long errorCodeAddress() { return address + ERROR_CODE_OFFSET; }

    public long receivedCapAddress() { return address + RECEIVED_CAP_OFFSET; }
}
