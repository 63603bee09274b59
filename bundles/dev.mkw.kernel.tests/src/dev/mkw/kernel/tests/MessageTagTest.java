package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.abi.MessageTag;

/**
 * MR0, the message tag (L4 X.2 reference manual, "Message Tag"): u, the untyped words, in bits
 * 0..5; t, the typed words, in bits 6..11; the flags in bits 12..15 with E (error) in bit 15;
 * the label in bits 16 and up. The kernel's own messages have the labels X.2 gives them:
 * page fault -2, interrupt -1, exception -5 (ia32), each shifted left by 4.
 */
class MessageTagTest {

    @Test
    void theFieldsSitWhereX2PutsThem() {
        assertEquals(3, new MessageTag(0, false, 0, 3).encode());
        assertEquals(6 << 6, new MessageTag(0, false, 6, 0).encode());
        assertEquals(1 << 15, new MessageTag(0, true, 0, 0).encode());
        assertEquals(0x1234L << 16, new MessageTag(0x1234, false, 0, 0).encode());
        assertEquals((0x42L << 16) | (1 << 15) | (4 << 6) | 2, new MessageTag(0x42, true, 4, 2).encode());
    }

    @Test
    void everyTagRoundTrips() {
        for (long label : new long[] {0, 1, 0x1234, -1, MessageTag.PAGE_FAULT | 6, MessageTag.EXCEPTION | 13, MessageTag.INTERRUPT, (1L << 47) - 1, -(1L << 47)}) {
            for (int t = 0; t <= 63; t += 21) {
                for (int u = 0; u <= 63; u += 9) {
                    for (boolean e : new boolean[] {false, true}) {
                        MessageTag tag = new MessageTag(label, e, t, u);
                        assertEquals(tag, MessageTag.decode(tag.encode()), tag.toString());
                    }
                }
            }
        }
    }

    /** The counts are 6-bit fields: a larger count cannot spill into its neighbour. */
    @Test
    void countsStayInTheirSixBits() {
        MessageTag tag = MessageTag.decode(new MessageTag(0, false, 64 + 5, 64 + 7).encode());
        assertEquals(5, tag.typedWords());
        assertEquals(7, tag.untypedWords());
        assertEquals(0, tag.label());
        assertFalse(tag.error());
    }

    @Test
    void theKernelsLabelsAreX2s() {
        assertEquals(-2L << 4, MessageTag.PAGE_FAULT);
        assertEquals(-1L << 4, MessageTag.INTERRUPT);
        assertEquals(-5L << 4, MessageTag.EXCEPTION);
        assertEquals(0xFFE0L, (new MessageTag(MessageTag.PAGE_FAULT, false, 0, 2).encode() >>> 16) & 0xFFFF, "the 16 low label bits X.2 specifies");
    }

    /** A kernel label's low 4 bits carry details (access rights, vector): is() looks past them. */
    @Test
    void isLooksPastTheLowFourBits() {
        assertTrue(MessageTag.is(MessageTag.PAGE_FAULT | 2, MessageTag.PAGE_FAULT));
        assertTrue(MessageTag.is(MessageTag.EXCEPTION | 0xF, MessageTag.EXCEPTION));
        assertFalse(MessageTag.is(MessageTag.EXCEPTION, MessageTag.PAGE_FAULT));
        assertFalse(MessageTag.is(MessageTag.INTERRUPT, MessageTag.PAGE_FAULT));
        assertFalse(MessageTag.is(0x1234, MessageTag.PAGE_FAULT));
    }
}
