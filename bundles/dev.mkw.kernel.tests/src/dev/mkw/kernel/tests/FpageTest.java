package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.memory.Fpage;

/**
 * Flexpages (Liedtke, "On µ-Kernel Construction", SOSP 1995, §3.2; L4 X.2 reference manual,
 * "Fpage"): a region of 2^s bytes, s ≥ 12, aligned to its size, with rwx rights, in one word
 * {@code base | s << 4 | rwx}; s = 1 with base 0 is the complete address space, s = 0 the nil
 * fpage. Any word the kernel reads from user space decodes to some fpage and never fails.
 */
class FpageTest {

    @Test
    void fpageEncodingRoundTrips() {
        Fpage f = new Fpage(0x40_0000, 22, Fpage.R | Fpage.W);
        assertEquals(f, Fpage.decode(f.encode()));
        assertEquals(Fpage.COMPLETE, Fpage.decode(Fpage.COMPLETE.encode()));
        assertTrue(Fpage.NIL.isNil());
        assertThrows(IllegalArgumentException.class, () -> new Fpage(0x1000, 13, 7), "base must be aligned to the size");
        assertThrows(IllegalArgumentException.class, () -> new Fpage(0, 11, 7), "at least a page");
    }

    /** The word's fields where X.2 puts them: rights in bits 0..2, s in bits 4..9, the base from bit 10 up. */
    @Test
    void theWordHoldsBaseSizeAndRightsInTheirFields() {
        assertEquals(0x40_0000L | (22L << 4) | 6, new Fpage(0x40_0000, 22, Fpage.R | Fpage.W).encode());
        assertEquals(1L << 4 | 7, Fpage.COMPLETE.encode());
        assertEquals(0, Fpage.NIL.encode());
        for (int s = 12; s <= 63; s++) {
            long base = s < 62 ? 3L << s & -(1L << s) : 0;
            for (int rights = 0; rights <= 7; rights++) {
                Fpage f = new Fpage(base, s, rights);
                assertEquals(f, Fpage.decode(f.encode()), "2^" + s + " " + Fpage.rightsText(rights));
            }
        }
    }

    /** Decoding aligns the base down to the fpage's size: the low bits of a misaligned word name nothing. */
    @Test
    void decodingTruncatesTheBaseToTheFpagesAlignment() {
        Fpage f = Fpage.decode(0x1234_5000L | (16L << 4) | Fpage.R);
        assertEquals(0x1234_0000L, f.base());
        assertEquals(16, f.sizeLog2());
        assertEquals(Fpage.R, f.rights());
    }

    /** Sizes below a page (2..11) and 0 decode to nil; size 1 is the complete space whatever the base. */
    @Test
    void sizesNoPageAllowsDecodeToNilAndSizeOneToTheCompleteSpace() {
        for (int s = 2; s < 12; s++) assertTrue(Fpage.decode(0x10_0000L | ((long) s << 4) | 7).isNil(), "2^" + s);
        assertTrue(Fpage.decode(0x10_0000L | 7).isNil());
        assertTrue(Fpage.decode(0x10_0000L | (1L << 4) | 7).isComplete());
    }

    @Test
    void anyWordDecodesWithoutFailing() {
        Random r = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            Fpage f = Fpage.decode(r.nextLong());
            assertTrue(f.isNil() || f.isComplete() || (f.base() & (f.size() - 1)) == 0, f.toString());
        }
    }

    /** An fpage covers exactly [base, base + 2^s); the complete space covers every address, nil none. */
    @Test
    void containsCoversExactlyTheRegion() {
        Fpage f = new Fpage(0x20_0000, 14, Fpage.RWX);
        assertEquals(0x4000, f.size());
        assertTrue(f.contains(0x20_0000));
        assertTrue(f.contains(0x20_3FFF));
        assertFalse(f.contains(0x20_4000));
        assertFalse(f.contains(0x1F_FFFF));
        assertTrue(Fpage.COMPLETE.contains(0xC000_0000L));
        assertFalse(Fpage.NIL.contains(0));
        assertEquals(0, Fpage.NIL.size());
    }

    @Test
    void rightsTextRoundTrips() {
        for (int r = 0; r <= 7; r++) assertEquals(r, Fpage.rights(Fpage.rightsText(r)));
        assertEquals("r-x", Fpage.rightsText(Fpage.R | Fpage.X));
        assertEquals(Fpage.R | Fpage.W, Fpage.rights("rw"));
    }

    /** 2^63 bytes do not fit a long: the size saturates, as the complete space's does, and stays positive. */
    @Test
    void theLargestFpageHasAPositiveSize() {
        Fpage f = new Fpage(0, 63, Fpage.RWX);
        assertEquals(Long.MAX_VALUE, f.size());
        assertTrue(f.contains(0x1000) && f.contains(0xC000_0000L));
        assertEquals(f, Fpage.decode(f.encode()));
    }
}
