package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelLayout;
import dev.mkw.kernel.abi.Utcb;

/**
 * The UTCB, a thread's user-level control block (L4 X.2 reference manual, "Virtual Registers"):
 * MKW's is 512 bytes, the thread control registers and BR0..BR5 in the first 64, then the
 * message registers MR0..MR55 to its end. The kernel touches each register at its address.
 */
class UtcbTest {

    @Test
    void theMessageRegistersFillTheUtcbAfterItsFirst64Bytes() {
        Utcb u = new Utcb(0x7000_0200L);
        assertEquals(56, Utcb.MRS);
        assertEquals(0x7000_0200L + 64, u.mrAddress(0));
        assertEquals(0x7000_0200L + 64 + 8 * 10, u.mrAddress(10));
        assertEquals(u.address() + Utcb.SIZE, u.mrAddress(Utcb.MRS - 1) + 8, "the last MR ends where the UTCB ends");
    }

    @Test
    void controlAndBufferRegistersLieBelowMr0WithoutOverlap() {
        Utcb u = new Utcb(0x7000_0000L);
        long[] words = {u.errorCodeAddress(), u.receivedCapAddress(), u.brAddress(0), u.brAddress(Utcb.BRS - 1)};
        for (int i = 1; i < words.length; i++) assertTrue(words[i] > words[i - 1], "word " + i);
        assertTrue(u.brAddress(Utcb.BRS - 1) + 8 <= u.mrAddress(0));
        assertTrue(u.errorCodeAddress() >= u.address());
    }

    /** The kernel's layout of the UTCB area and the UTCB's own agree. */
    @Test
    void theKernelLayoutAgrees() {
        assertEquals(KernelLayout.UTCB_SIZE, Utcb.SIZE);
        assertEquals(KernelLayout.UTCB_MR0, Utcb.MR0_OFFSET);
    }

    @Test
    void registersKeepTheirValues() {
        Utcb u = new Utcb(0);
        assertEquals(-1, u.receivedCap(), "no capability received yet");
        u.setMr(0, 11);
        u.setMr(Utcb.MRS - 1, 12);
        u.setBr(2, 13);
        u.setErrorCode(9);
        u.setReceivedCap(4);
        assertEquals(11, u.mr(0));
        assertEquals(12, u.mr(Utcb.MRS - 1));
        assertEquals(13, u.br(2));
        assertEquals(9, u.errorCode());
        assertEquals(4, u.receivedCap());
    }
}
