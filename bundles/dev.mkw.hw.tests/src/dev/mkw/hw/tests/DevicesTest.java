package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.sim.BlockDevice;
import dev.mkw.hw.sim.Device;
import dev.mkw.hw.sim.DeviceTypes;
import dev.mkw.hw.sim.EngineDeviceContext;
import dev.mkw.hw.sim.InterruptController;
import dev.mkw.hw.sim.SerialDevice;
import dev.mkw.sim.SimEngine;

/** Devices raise their IRQs at the times their parameters say, the same times in every run with one seed. */
class DevicesTest {
    private final DeviceTypes types = DeviceTypes.builtIn();

    /** The cycles at which each IRQ was raised, as "line@cycle", running {@code devices} until {@code until}. */
    private static List<String> irqTimes(long seed, long until, Device... devices) {
        SimEngine engine = new SimEngine(1, seed);
        InterruptController pic = new InterruptController(16, 0);
        List<String> seen = new ArrayList<>();
        pic.setListener(line -> {
            seen.add(line + "@" + engine.now());
            pic.acknowledge(line);
        });
        EngineDeviceContext.startAll(List.of(devices), engine, pic, engine.random().split());
        engine.setCycleLimit(until);
        engine.run(() -> false);
        return seen;
    }

    @Test
    void timerIsPeriodic() {
        Device t = types.get("timer").create("pit", 0, Map.of("interval", "1000", "start", "500"));
        assertEquals(List.of("0@1500", "0@2500", "0@3500"), irqTimes(1, 4000, t));
    }

    @Test
    void uartRaisesPerByteOrPerFifoTrigger() {
        Device perByte = types.get("uart").create("com1", 4, Map.of("interval", "100"));
        assertEquals(List.of("4@100", "4@200", "4@300"), irqTimes(1, 350, perByte));
        SerialDevice fifo = (SerialDevice) types.get("uart").create("com2", 3, Map.of("interval", "100", "mode", "fifo", "fifo-trigger", "4"));
        assertEquals(List.of("3@400", "3@800"), irqTimes(1, 1000, fifo));
        assertEquals(10, fifo.charactersReceived());
    }

    @Test
    void blockDeviceQueuesRequestsAndCompletesOneServiceTimeApart() {
        // Requests every 100 cycles, 150 each: arrivals 100, 200, 300, 400; completions 250, 400, 550, 700.
        BlockDevice disk = (BlockDevice) types.get("block").create("hd0", 14, Map.of("service-time", "150", "interval", "100"));
        assertEquals(List.of("14@250", "14@400", "14@550", "14@700"), irqTimes(1, 749, disk));
        assertEquals(4, disk.requestsCompleted());
        assertEquals(2, disk.maxQueueLength());
    }

    @Test
    void blockDeviceClosedLoopCompletesEveryServiceTime() {
        Device disk = types.get("block").create("hd0", 14, Map.of("service", "300"));
        assertEquals(List.of("14@300", "14@600", "14@900"), irqTimes(1, 1000, disk));
    }

    @Test
    void randomDevicesAreDeterministicFromTheSeed() {
        Map<String, String> p = Map.of("interval", "1000", "distribution", "poisson");
        List<String> a = irqTimes(42, 100_000, types.get("uart").create("u", 4, p), types.get("block").create("b", 5, p));
        List<String> b = irqTimes(42, 100_000, types.get("uart").create("u", 4, p), types.get("block").create("b", 5, p));
        List<String> c = irqTimes(43, 100_000, types.get("uart").create("u", 4, p), types.get("block").create("b", 5, p));
        assertEquals(a, b, "same seed, same interrupts");
        assertNotEquals(a, c, "another seed, other times");
        assertNotEquals(List.of(), a);
    }

    @Test
    void badParametersAndUnknownTypesSaySo() {
        assertEquals("device com1: parameter interval must be a number, got 'fast'",
                assertThrows(IllegalArgumentException.class, () -> types.get("uart").create("com1", 4, Map.of("interval", "fast"))).getMessage());
        assertEquals("device com1: fifo-trigger must be 1, 4, 8 or 14 bytes (16550A), got 5",
                assertThrows(IllegalArgumentException.class, () -> types.get("uart").create("com1", 4, Map.of("fifo-trigger", "5"))).getMessage());
        assertEquals("device hd0: parameter distribution must be fixed or poisson, got 'normal'",
                assertThrows(IllegalArgumentException.class, () -> types.get("block").create("hd0", 4, Map.of("distribution", "normal"))).getMessage());
        assertEquals("unknown device type 'nic'; known: block, timer, uart",
                assertThrows(IllegalArgumentException.class, () -> types.get("nic")).getMessage());
    }

    /** A contributed type cannot take a built-in's id: the first keeps it, the refusal is a problem naming both. */
    @Test
    void aContributedTypeCannotReplaceABuiltInOne() {
        DeviceTypes t = DeviceTypes.builtIn();
        dev.mkw.hw.sim.DeviceType fake = new dev.mkw.hw.sim.DeviceType() {
            @Override public String id() { return "timer"; }
            @Override public String description() { return "not the timer"; }
            @Override public Device create(String name, int irq, Map<String, String> p) { throw new IllegalStateException("never made"); }
        };
        org.junit.jupiter.api.Assertions.assertFalse(t.register(fake));
        assertEquals("programmable interval timer", t.get("timer").description().substring(0, 27));
        assertEquals(1, t.problems().size(), t.problems().toString());
        org.junit.jupiter.api.Assertions.assertTrue(t.problems().get(0).startsWith("device type 'timer' of "), t.problems().get(0));
    }

    /** The built-in devices share one arrival-process skeleton: name, line, count, fixed gaps from start. */
    @Test
    void builtInDevicesAreArrivalProcesses() {
        for (String type : List.of("timer", "uart", "block")) {
            Device d = types.get(type).create("d", 3, Map.of("interval", "1000"));
            org.junit.jupiter.api.Assertions.assertTrue(d instanceof dev.mkw.hw.sim.ArrivalProcessDevice, type);
            assertEquals("d", d.name());
            assertEquals(3, d.irq());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new dev.mkw.hw.sim.PeriodicDevice("pit", 0, 0, 0, false));
        assertEquals("device pit: interval must be > 0 cycles, got 0", e.getMessage());
    }
}
