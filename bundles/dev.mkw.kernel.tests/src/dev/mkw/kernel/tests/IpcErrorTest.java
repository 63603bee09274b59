package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.abi.IpcError;

/**
 * L4 X.2 IPC error codes (reference manual, "Ipc", ErrorCode TCR): bit 0 the phase (0 send,
 * 1 receive), bits 1..3 the reason: timeout 1, non-existing partner 2, canceled 3, message
 * overflow 4, transfer timeout in the invoker's space 5 or the partner's 6, aborted 7.
 */
class IpcErrorTest {

    @Test
    void theReasonsHaveX2sNumbers() {
        assertEquals(1, IpcError.TIMEOUT);
        assertEquals(2, IpcError.NON_EXISTING_PARTNER);
        assertEquals(3, IpcError.CANCELED);
        assertEquals(4, IpcError.MESSAGE_OVERFLOW);
        assertEquals(5, IpcError.XFER_TIMEOUT_INVOKER);
        assertEquals(6, IpcError.XFER_TIMEOUT_PARTNER);
        assertEquals(7, IpcError.ABORTED);
        assertEquals(0, IpcError.SEND_PHASE);
        assertEquals(1, IpcError.RECEIVE_PHASE);
    }

    @Test
    void aCodeIsReasonAndPhaseAndTheReasonComesBack() {
        assertEquals(3, IpcError.code(IpcError.TIMEOUT, IpcError.RECEIVE_PHASE));
        assertEquals(14, IpcError.code(IpcError.ABORTED, IpcError.SEND_PHASE));
        for (int reason = 1; reason <= 7; reason++) {
            for (int phase = 0; phase <= 1; phase++) {
                long code = IpcError.code(reason, phase);
                assertEquals(reason, IpcError.reason(code));
                assertEquals(phase, code & 1);
            }
        }
    }
}
