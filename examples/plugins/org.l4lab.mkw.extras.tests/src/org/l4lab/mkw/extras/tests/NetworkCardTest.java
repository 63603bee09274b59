package org.l4lab.mkw.extras.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.junit.jupiter.api.Test;
import org.l4lab.mkw.extras.devices.NetworkCard;
import org.l4lab.mkw.extras.devices.NetworkCardType;

import dev.mkw.hw.sim.DeviceContext;
import dev.mkw.hw.sim.DeviceTypes;
import dev.mkw.sim.SimRandom;
import dev.mkw.sim.report.RunReport;

class NetworkCardTest {
    /** A minimal event loop: events in cycle order, then in the order they were scheduled. */
    static final class Clock implements DeviceContext {
        record Event(long cycle, long seq, Runnable action) {}
        final PriorityQueue<Event> queue = new PriorityQueue<>((x, y) -> x.cycle != y.cycle ? Long.compare(x.cycle, y.cycle) : Long.compare(x.seq, y.seq));
        final List<Long> irqs = new ArrayList<>();
        final SimRandom random = new SimRandom(7);
        long now, seq;

        @Override public long now() { return now; }
        @Override public void at(long cycle, Runnable action) { queue.add(new Event(Math.max(cycle, now), seq++, action)); }
        @Override public void raiseIrq(int line) { irqs.add(now); }
        @Override public SimRandom random() { return random; }
        @Override public Map<String, String> parameters() { return Map.of(); }

        void runUntil(long end) {
            while (!queue.isEmpty() && queue.peek().cycle <= end) {
                Event e = queue.poll();
                now = e.cycle;
                e.action.run();
            }
        }
    }

    private static NetworkCard card(Map<String, String> p) {
        return (NetworkCard) new NetworkCardType().create("eth0", 11, p);
    }

    @Test
    void coalescingRaisesOneIrqPerBatch() {
        NetworkCard nic = card(Map.of("arrivals", "fixed", "interval", "1000", "coalesce", "4", "delay", "100000"));
        Clock clock = new Clock();
        nic.start(clock);
        clock.runUntil(20_000);
        // Packets at 1000, 2000, ... 20000: 20 packets, an IRQ at each 4th.
        assertEquals(20, nic.packetsReceived());
        assertEquals(List.of(4000L, 8000L, 12000L, 16000L, 20000L), clock.irqs);
    }

    @Test
    void theDelayTimerFlushesASmallBatch() {
        NetworkCard nic = card(Map.of("arrivals", "fixed", "interval", "10000", "coalesce", "8", "delay", "2500"));
        Clock clock = new Clock();
        nic.start(clock);
        clock.runUntil(35_000);
        // Each packet waits alone: the absolute delay (2500 cycles after it) raises the IRQ.
        assertEquals(List.of(12_500L, 22_500L, 32_500L), clock.irqs);
    }

    @Test
    void burstsArriveBackToBack() {
        NetworkCard nic = card(Map.of("arrivals", "bursty", "interval", "1000000", "burst", "5", "gap", "100", "coalesce", "5"));
        Clock clock = new Clock();
        nic.start(clock);
        clock.runUntil(50_000_000);
        assertTrue(nic.packetsReceived() > 100, "packets: " + nic.packetsReceived());
        // A whole train makes one batch of 5: one IRQ per train.
        assertEquals(nic.packetsReceived() / 5, clock.irqs.size(), 1);
    }

    @Test
    void badParametersNameTheDeviceAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> card(Map.of("arrivals", "sometimes")));
        assertEquals("device eth0: parameter arrivals must be poisson or fixed or bursty, got 'sometimes'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> card(Map.of("coalesce", "0")));
        assertEquals("device eth0: parameter coalesce must be at least 1, got 0", e.getMessage());
    }

    @Test
    void theHardwareModelFindsTheDeviceType() {
        assertTrue(DeviceTypes.standard().ids().contains("nic"), DeviceTypes.standard().ids().toString());
    }

    /** A user-level driver attached to the card's IRQ receives one interrupt IPC per batch, the same in every run with the seed. */
    @Test
    void aDriverInAScenarioSeesTheCardsInterrupts() {
        String scenario = """
                scenario NicDriver "a network driver served by interrupts"
                machine preset pentium_100
                kernel { irq-delivery sync }
                task net pager root {
                    thread driver priority 200 {
                        repeat forever {
                            receive from irq 11 as intr timeout never
                            ack irq 11
                        }
                    }
                }
                irq 11 -> net.driver
                device nic eth0 irq 11 interval 5000 cycles arrivals poisson coalesce 4 delay 40000 cycles
                run until 4000000 cycles seed 9
                """;
        RunReport r = Runs.run(scenario);
        long raised = r.irqs().get(11).raised();
        assertTrue(raised > 150 && raised < 260, "about 800 packets in 4 batches each: " + raised);
        assertEquals(raised, r.irqs().get(11).delivered(), 1);
        assertEquals(raised, Runs.run(scenario).irqs().get(11).raised());
    }
}
