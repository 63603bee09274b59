package dev.mkw.kernel.abi;

/**
 * L4 X.2 IPC error codes (the ErrorCode TCR): bit 0 is the phase (0 send, 1 receive),
 * bits 1..3 the reason.
 */
public final class IpcError {
    private IpcError() {}

    public static final int SEND_PHASE = 0, RECEIVE_PHASE = 1;
    public static final int TIMEOUT = 1, NON_EXISTING_PARTNER = 2, CANCELED = 3, MESSAGE_OVERFLOW = 4,
            /** X.2: a page fault during the transfer in the invoker's space (5) or the partner's (6) that the transfer timeout did not allow to resolve. */
            XFER_TIMEOUT_INVOKER = 5, XFER_TIMEOUT_PARTNER = 6, ABORTED = 7;

    public static long code(int reason, int phase) {
        return ((long) reason << 1) | phase;
    }

    public static int reason(long code) {
        return (int) (code >>> 1) & 7;
    }
}
