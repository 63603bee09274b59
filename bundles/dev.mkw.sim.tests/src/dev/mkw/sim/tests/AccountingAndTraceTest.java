package dev.mkw.sim.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.sim.CycleAccounting;
import dev.mkw.sim.Trace;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;

class AccountingAndTraceTest {

    @Test
    void accountsAddUpAndCheckPasses() {
        CycleAccounting a = new CycleAccounting(2);
        a.chargeUser(0, "t.a", 70);
        a.chargeKernel(0, "ipc.fastpath", "t.a", 30);
        a.chargeIdle(1, 100);
        assertDoesNotThrow(() -> a.check(0, 100));
        assertDoesNotThrow(() -> a.check(1, 100));
        assertEquals(Map.of("idle", 100L, "kernel:ipc.fastpath", 30L, "user:t.a", 70L), a.totals());
        assertEquals(List.of("idle", "kernel:ipc.fastpath", "user:t.a"), List.copyOf(a.totals().keySet()), "sorted");
        assertEquals(Map.of("t.a", 30L), a.kernelCyclesByThread());
    }

    @Test
    void checkThrowsWhenCyclesAreMissingOrExtra() {
        CycleAccounting a = new CycleAccounting(1);
        a.chargeUser(0, "t.a", 99);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.check(0, 100));
        assertTrue(e.getMessage().contains("99") && e.getMessage().contains("100"), e.getMessage());
        a.chargeIdle(0, 2);
        assertThrows(IllegalStateException.class, () -> a.check(0, 100));
        assertThrows(IllegalArgumentException.class, () -> a.chargeIdle(0, -1));
    }

    private static TraceEvent ev(long cycle) {
        return new TraceEvent(cycle, 0, TraceKind.IPC_SEND, "a.t", "b.t", "ipc.fastpath", 2, "");
    }

    @Test
    void ringKeepsTheNewestAndCountsWhatItDropped() {
        Trace t = new Trace(Trace.Mode.RING, 3);
        for (int i = 0; i < 5; i++) t.record(ev(i));
        assertEquals(List.of(ev(2), ev(3), ev(4)), t.events());
        assertEquals(5, t.offered());
        assertEquals(2, t.dropped());
    }

    @Test
    void offKeepsNothingButCountsAndOnKeepsAll() {
        Trace off = Trace.off();
        Trace on = new Trace(Trace.Mode.ON, 0);
        for (int i = 0; i < 4; i++) {
            off.record(ev(i));
            on.record(ev(i));
        }
        assertFalse(off.isRecording());
        assertEquals(0, off.size());
        assertEquals(4, off.offered());
        assertEquals(4, on.size());
        assertEquals(0, on.dropped());
        assertThrows(IllegalArgumentException.class, () -> new Trace(Trace.Mode.RING, 0));
    }
}
