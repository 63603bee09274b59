package dev.mkw.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.sim.SimEngine;
import dev.mkw.sim.SimEngine.StopReason;
import dev.mkw.sim.SimEvent;

class SimEngineTest {

    private static Runnable log(List<String> out, String s) { return () -> out.add(s); }

    @Test
    void simultaneousEventsFireByPriorityThenInsertionOrder() {
        SimEngine e = new SimEngine(2, 1);
        List<String> fired = new ArrayList<>();
        e.schedule(10, 0, 5, "c", log(fired, "c"));
        e.schedule(10, 1, 1, "a", log(fired, "a"));
        e.schedule(5, SimEngine.GLOBAL, 9, "first", log(fired, "first"));
        e.schedule(10, 0, 5, "d", log(fired, "d"));
        e.schedule(10, 1, 1, "b", log(fired, "b"));
        assertEquals(StopReason.NO_MORE_EVENTS, e.run(null));
        assertEquals(List.of("first", "a", "b", "c", "d"), fired);
        assertEquals(10, e.now());
        assertEquals(10, e.cpuClock(0), "firing an event brings its CPU's clock to the event");
        assertEquals(5, e.firedEvents());
    }

    @Test
    void sameSchedulingGivesSameOrderEveryTime() {
        assertEquals(randomSchedule(7), randomSchedule(7));
    }

    private static List<String> randomSchedule(long seed) {
        SimEngine e = new SimEngine(1, seed);
        List<String> fired = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long at = e.random().between(0, 20);
            int prio = (int) e.random().between(0, 2);
            String label = i + "@" + at + "/" + prio;
            e.schedule(at, 0, prio, label, log(fired, label));
        }
        e.run(null);
        return fired;
    }

    @Test
    void cancelledEventsNeverFire() {
        SimEngine e = new SimEngine(1, 1);
        List<String> fired = new ArrayList<>();
        SimEvent timeout = e.schedule(50, 0, 0, "timeout", log(fired, "timeout"));
        e.schedule(10, 0, 0, "reply", () -> {
            fired.add("reply");
            e.cancel(timeout);
        });
        e.run(null);
        assertEquals(List.of("reply"), fired);
        assertTrue(timeout.isCancelled());
        assertEquals(1, e.firedEvents());
    }

    @Test
    void pauseReturnsAfterTheCurrentEventAndResumeContinues() {
        SimEngine e = new SimEngine(1, 1);
        List<String> fired = new ArrayList<>();
        e.schedule(1, 0, 0, "one", () -> {
            fired.add("one");
            e.requestPause();
        });
        e.schedule(2, 0, 0, "two", log(fired, "two"));
        assertEquals(StopReason.PAUSED, e.run(null));
        assertEquals(List.of("one"), fired);
        assertEquals(StopReason.NO_MORE_EVENTS, e.run(null));
        assertEquals(List.of("one", "two"), fired);
    }

    @Test
    void stepFiresExactlyNEvents() {
        SimEngine e = new SimEngine(1, 1);
        List<String> fired = new ArrayList<>();
        for (int i = 0; i < 5; i++) e.schedule(i * 10, 0, 0, "e" + i, log(fired, "e" + i));
        assertEquals(StopReason.PAUSED, e.step(2));
        assertEquals(List.of("e0", "e1"), fired);
        assertEquals(StopReason.PAUSED, e.step(3));
        assertEquals(5, fired.size());
        assertEquals(StopReason.NO_MORE_EVENTS, e.step(1));
    }

    @Test
    void stepCyclesFiresUpToTheTargetAndAdvancesTime() {
        SimEngine e = new SimEngine(1, 1);
        List<String> fired = new ArrayList<>();
        for (int i = 0; i < 5; i++) e.schedule(i * 10, 0, 0, "e" + i, log(fired, "e" + i));
        assertEquals(StopReason.PAUSED, e.stepCycles(25));
        assertEquals(List.of("e0", "e1", "e2"), fired);
        assertEquals(25, e.now(), "time moves to the target even between events");
        assertEquals(StopReason.PAUSED, e.stepCycles(5));
        assertEquals(List.of("e0", "e1", "e2", "e3"), fired);
        assertEquals(Long.MAX_VALUE, e.cycleLimit(), "stepping leaves the run's cycle limit alone");
    }

    @Test
    void cycleLimitStopsTheRunAndKeepsLaterEvents() {
        SimEngine e = new SimEngine(1, 1);
        List<String> fired = new ArrayList<>();
        for (int i = 0; i < 5; i++) e.schedule(i * 10, 0, 0, "e" + i, log(fired, "e" + i));
        e.setCycleLimit(20);
        assertEquals(StopReason.CYCLE_LIMIT, e.run(null));
        assertEquals(List.of("e0", "e1", "e2"), fired, "an event at the limit still fires");
        assertEquals(2, e.pendingEvents());
        assertFalse(e.hasWork());
        assertEquals(20, e.now());
    }

    @Test
    void conditionAndStopEndTheRun() {
        SimEngine e = new SimEngine(1, 1);
        int[] n = {0};
        for (int i = 0; i < 10; i++) e.schedule(i, 0, 0, "tick", () -> n[0]++);
        assertEquals(StopReason.CONDITION, e.run(() -> n[0] == 3));
        assertEquals(3, n[0]);
        e.stop();
        assertEquals(StopReason.STOPPED, e.run(null));
        assertEquals(3, n[0]);
        assertTrue(e.isStopped());
    }

    @Test
    void schedulingInThePastIsRefused() {
        SimEngine e = new SimEngine(1, 1);
        e.schedule(10, 0, 0, "x", () -> { });
        e.run(null);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.schedule(5, 0, 0, "late", () -> { }));
        assertTrue(ex.getMessage().contains("late"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.advanceCpu(0, -1));
    }

    @Test
    void cpuClocksAdvanceIndependentlyAndNeverGoBack() {
        SimEngine e = new SimEngine(2, 1);
        e.advanceCpu(0, 100);
        e.syncCpu(0, 50);
        e.syncCpu(1, 70);
        assertEquals(100, e.cpuClock(0));
        assertEquals(70, e.cpuClock(1));
    }
}
