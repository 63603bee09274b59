package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.abi.Acceptor;
import dev.mkw.kernel.abi.Utcb;
import dev.mkw.kernel.memory.Fpage;

/**
 * The acceptor of a receive (L4 X.2 reference manual, "Acceptor"): BR0 holds the receive
 * window fpage (bits 4 and up; nil: no mappings accepted) and in bit 0 whether string items are
 * accepted; BR1 and BR2 describe the string buffer (length &lt;&lt; 10, address).
 */
class AcceptorTest {

    @Test
    void storedAndLoadedThroughTheBufferRegisters() {
        Utcb u = new Utcb(0x7000_0000L);
        Acceptor a = new Acceptor(new Fpage(0x20_0000, 14, Fpage.RWX), true, 0x30000, 8192);
        a.store(u);
        assertEquals(0x20_0000L | (14L << 4) | 1, u.br(0), "window fpage without its rights, string bit set");
        assertEquals(8192L << 10, u.br(1));
        assertEquals(0x30000, u.br(2));
        assertEquals(a, Acceptor.load(u));
    }

    @Test
    void noneAcceptsNeitherMappingsNorStrings() {
        Utcb u = new Utcb(0x7000_0000L);
        u.setBr(1, 123);
        u.setBr(2, 456);
        Acceptor.NONE.store(u);
        assertEquals(0, u.br(0));
        Acceptor got = Acceptor.load(u);
        assertTrue(got.window().isNil(), "no receive window");
        assertFalse(got.strings());
        assertEquals(0, got.bufferLength(), "a buffer not offered has no length, whatever BR1 held");
    }

    @Test
    void theWholeAddressSpaceIsAWindowToo() {
        Utcb u = new Utcb(0x7000_0000L);
        new Acceptor(Fpage.COMPLETE, false, 0, 0).store(u);
        Acceptor got = Acceptor.load(u);
        assertTrue(got.window().isComplete());
        assertFalse(got.strings());
    }
}
