package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.sim.InterruptController;

/** Masking, pending lines, priorities and acknowledge. */
class InterruptControllerTest {

    @Test
    void maskedLinesStayPendingAndAreSignalledOnUnmask() {
        InterruptController pic = new InterruptController(16, 12);
        List<Integer> signalled = new ArrayList<>();
        pic.setListener(signalled::add);
        pic.mask(4);
        pic.raise(4);
        assertTrue(pic.pending(4));
        assertEquals(-1, pic.highestPending(), "masked: not deliverable");
        assertEquals(List.of(), signalled);
        pic.unmask(4);
        assertEquals(List.of(4), signalled);
        assertEquals(4, pic.highestPending());
        pic.acknowledge(4);
        assertFalse(pic.pending(4));
        assertEquals(12, pic.ackCost());
    }

    @Test
    void lowerLineWinsUnlessPrioritiesSayOtherwise() {
        InterruptController pic = new InterruptController(8, 0);
        pic.raise(5);
        pic.raise(2);
        assertEquals(2, pic.highestPending(), "8259A fully nested: lower line first");
        pic.setPriority(5, 100);
        assertEquals(5, pic.highestPending());
    }

    @Test
    void aLineThatDoesNotExistIsAClearError() {
        InterruptController pic = new InterruptController(8, 0);
        assertEquals("IRQ line 8 does not exist (the controller has lines 0..7)",
                assertThrows(IllegalArgumentException.class, () -> pic.raise(8)).getMessage());
    }

    /** The controller keeps a count of deliverable lines so the common "none" answer is one compare: it must agree with a scan. */
    @Test
    void highestPendingAgreesWithAScanOfEveryLine() {
        InterruptController pic = new InterruptController(12, 0);
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            int line = r.nextInt(12);
            switch (r.nextInt(4)) {
                case 0 -> pic.raise(line);
                case 1 -> pic.mask(line);
                case 2 -> pic.unmask(line);
                default -> pic.acknowledge(line);
            }
            int best = -1;
            for (int l = 0; l < 12; l++) {
                if (pic.pending(l) && !pic.masked(l) && (best < 0 || pic.priority(l) > pic.priority(best))) best = l;
            }
            assertEquals(best, pic.highestPending(), "step " + i);
        }
    }
}
