package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.tcb.ThreadId;

/**
 * L4 X.2 global thread IDs, 32-bit variant (reference manual, "ThreadId"; Microkernel
 * Construction I.12): thread number in bits 14..31, version in bits 0..13. A reused TCB slot
 * gets a new version, so an old ID no longer matches. Interrupt threads have the numbers
 * 0..lines-1, version 1; user threads start at UserBase = the number of lines.
 */
class ThreadIdTest {

    @Test
    void threadIdsCarryAVersion() {
        int id = ThreadId.of(5, 1);
        assertEquals(5, ThreadId.number(id));
        assertEquals(1, ThreadId.version(id));
        assertNotEquals(id, ThreadId.of(5, 2), "a reused slot gets a new ID; the old one is stale");
        assertEquals("0x00014001", ThreadId.format(id));
    }

    @Test
    void numberAndVersionSitInTheirBitsAndRoundTrip() {
        for (int number : new int[] {0, 1, 16, 12345, (1 << 18) - 1}) {
            for (int version : new int[] {0, 1, 2, (1 << 14) - 1}) {
                int id = ThreadId.of(number, version);
                assertEquals(number, ThreadId.number(id));
                assertEquals(version, ThreadId.version(id));
                assertEquals(((long) number << 14 | version) & 0xFFFF_FFFFL, id & 0xFFFF_FFFFL);
            }
        }
        assertEquals(0, ThreadId.version(ThreadId.of(7, 1 << 14)), "the version wraps within its 14 bits");
    }

    @Test
    void numbersBeyondEighteenBitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ThreadId.of(1 << 18, 1));
        assertThrows(IllegalArgumentException.class, () -> ThreadId.of(-1, 1));
    }

    /** Interrupt thread n is number n, version 1; the first user thread number is the line count, so none collide. */
    @Test
    void interruptThreadsSitBelowUserBase() {
        assertEquals(ThreadId.of(4, 1), ThreadId.interrupt(4));
        assertEquals(16, ThreadId.userBase(16));
        for (int line = 0; line < 16; line++) assertTrue(ThreadId.number(ThreadId.interrupt(line)) < ThreadId.userBase(16), "line " + line);
        assertEquals(0, ThreadId.NIL);
    }
}
