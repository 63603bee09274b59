package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.ipc.TimeoutCodec;

/**
 * The L4 X.2 relative timeout (reference manual, "Time"; L4Ka::Pistachio's {@code L4_Never},
 * {@code L4_ZeroTime}): 16 bits, {@code m · 2^e} µs with the mantissa m in bits 0..9, the
 * exponent e in bits 11..15 and bit 10 clear; 0x0000 is "never", 0x0400 "zero". Every
 * {@code m · 2^e} round-trips exactly; any other time is rounded up, never down, by less than
 * one step of its exponent.
 */
class TimeoutCodecTest {

    @Test
    void timeoutEncodingCoversItsRangeAndRoundsUp() {
        assertEquals(-1, TimeoutCodec.decode(TimeoutCodec.NEVER));
        assertEquals(0, TimeoutCodec.decode(TimeoutCodec.ZERO));
        assertEquals(1, TimeoutCodec.decode(TimeoutCodec.encode(1)));
        assertEquals(1023, TimeoutCodec.decode(TimeoutCodec.encode(1023)));
        assertEquals(1024, TimeoutCodec.decode(TimeoutCodec.encode(1024)));
        long odd = 1_000_001;
        assertTrue(TimeoutCodec.decode(TimeoutCodec.encode(odd)) >= odd, "never early");
        assertEquals(1023L << 31, TimeoutCodec.maxMicros());
        assertTrue(TimeoutCodec.maxMicros() / 3_600_000_000L >= 610, "about 610 hours");
        assertThrows(IllegalArgumentException.class, () -> TimeoutCodec.encode(TimeoutCodec.maxMicros() + (1L << 31)));
    }

    /** Every representable time m · 2^e comes back exactly, in a 16-bit word with bit 10 clear. */
    @Test
    void everyMantissaAndExponentRoundTrips() {
        for (int e = 0; e <= 31; e++) {
            for (long m = 1; m <= 1023; m++) {
                long micros = m << e;
                int word = TimeoutCodec.encode(micros);
                assertEquals(micros, TimeoutCodec.decode(word), m + "·2^" + e);
                assertEquals(0, word & ~0xFFFF, "16 bits");
                assertEquals(0, word & 0x400, "bit 10 is 0 for a relative timeout");
                assertNotEquals(TimeoutCodec.NEVER, word, "a time is never 'never'");
            }
        }
    }

    /** The fields: m = 1000, e = 3 is 1000 << 0 | 3 << 11. */
    @Test
    void mantissaAndExponentSitInTheirBits() {
        assertEquals((3 << 11) | 1000, TimeoutCodec.encode(8000));
        assertEquals(8000, TimeoutCodec.decode((3 << 11) | 1000));
        assertEquals(5L << 31, TimeoutCodec.decode((31 << 11) | 5));
    }

    /** Other times round up to the next representable one: late by less than 2^e, i.e. under 1/511 of the time. */
    @Test
    void otherTimesRoundUpByLessThanOneStep() {
        Random r = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            long micros = 1 + (r.nextLong() >>> 1) % TimeoutCodec.maxMicros();
            long got = TimeoutCodec.decode(TimeoutCodec.encode(micros));
            assertTrue(got >= micros, micros + " became " + got + ": a timeout may never fire early");
            assertTrue(got - micros <= micros / 511, micros + " became " + got);
        }
    }

    /** Zero or less asks for no waiting at all: the zero timeout. */
    @Test
    void nothingToWaitIsTheZeroTimeout() {
        assertEquals(TimeoutCodec.ZERO, TimeoutCodec.encode(0));
        assertEquals(TimeoutCodec.ZERO, TimeoutCodec.encode(-5));
        assertEquals(0x0400, TimeoutCodec.ZERO);
        assertEquals(0x0000, TimeoutCodec.NEVER);
    }
}
