package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.DeviceSpec;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;
import dev.mkw.scenario.Timeout;

/**
 * Interrupts as IPC (Liedtke, "On µ-Kernel Construction", SOSP 1995, §3.3 "interrupts";
 * L4 X.2 reference manual, "Interrupts"): each IRQ line is an interrupt thread, thread number =
 * line, whose message a user-level driver receives; the kernel masks the line when it raises it
 * and unmasks it when the driver replies (acknowledges). An interrupt the driver is not waiting
 * for is held pending, the line masked, until its next receive. Under asynchronous delivery the
 * line sets the driver's notification bit instead (seL4 reference manual, "Interrupts").
 */
class InterruptIpcTest {
    /** Runs with devices end here at the latest: a kernel that loses an interrupt fails the test instead of running on forever. */
    private static final long LIMIT = 20_000_000;

    private static Simulation withUart(KernelConfig k, ThreadSpec driver) {
        return run(Scenarios.withUart(k, driver, task("app", null, thread("work", 10, new Op.Compute(c(2_000_000), AT)))));
    }

    @Test
    void synchronousDeliveryIsAnIpcFromTheIrqThreadAndMeasuresLatency() {
        var driver = thread("h", 200, new Op.AttachIrq(4, AT),
                repeat(5, new Op.Receive(new Target.Irq(4), null, "i", Timeout.NEVER, AT), new Op.AckIrq(4, AT)));
        Simulation sim = withUart(KernelConfig.defaults(), driver);
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(5, sim.inspector().thread("drv.h").ipcsReceived());
        assertEquals(4, sim.userState("drv.h").received("i").irq(), "the interrupt thread names the line");
        assertTrue(sim.inspector().irqLatency(4).count() >= 5);
        assertTrue(sim.inspector().irqLatency(4).min() >= 0);
    }

    /**
     * A driver written once ("receive from irq 4", then "ack irq 4") runs under both delivery
     * variants: as IPC from the IRQ pseudo-thread, or, asynchronously, as the line's
     * notification bit; both measure latency from the device's raise to the handler getting it.
     */
    @Test
    void oneDriverSourceRunsUnderBothDeliveryVariants() {
        for (KernelConfig.IrqDelivery delivery : KernelConfig.IrqDelivery.values()) {
            var driver = thread("h", 200, new Op.AttachIrq(4, AT),
                    repeat(5, new Op.Receive(new Target.Irq(4), null, "i", Timeout.NEVER, AT), new Op.AckIrq(4, AT)));
            Simulation sim = withUart(KernelConfig.defaults().withIrqDelivery(delivery), driver);
            assertTrue(sim.inspector().errors().isEmpty(), delivery + ": " + sim.inspector().errors());
            assertEquals("DEAD", sim.inspector().thread("drv.h").state(), delivery + ": the driver took its 5 interrupts");
            assertEquals(4, sim.userState("drv.h").received("i").irq(), delivery + ": an interrupt message names its line");
            assertEquals(5, sim.inspector().irqLatency(4).count(), delivery + ": one latency sample per interrupt taken");
        }
    }

    private static Simulation twoTimers(ThreadSpec low, ThreadSpec high, String highStart) {
        Scenario s = new Scenario("nested", "", "t.mkw", dev.mkw.scenario.MachineSpec.preset("i486_50"), KernelConfig.defaults().withTimesliceCycles(0),
                List.of(task("drv", null, low, high).withPrivileged(true)), List.of(),
                List.of(new DeviceSpec("timer", "slow", 9, Map.of("interval", "100000"), AT),
                        new DeviceSpec("timer", "fast", 3, Map.of("interval", "100000", "start", highStart), AT)),
                RunSpec.defaults().withUntilCycles(LIMIT));
        Simulation sim = Simulation.create(s, MachinePresets.get().machine("i486_50", 0));
        sim.run();
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        return sim;
    }

    /**
     * Both lines raised in the same cycle: the controller's order (on the i486's 8259 the
     * lower line wins) decides which the kernel takes first, so line 3's handler always gets
     * its interrupt IPC before line 9's.
     */
    @Test
    void simultaneousInterruptsAreTakenInTheControllersPriorityOrder() {
        var low = thread("low", 100, new Op.AttachIrq(9, AT), repeat(5, new Op.Receive(new Target.Irq(9), null, "i", Timeout.NEVER, AT), new Op.AckIrq(9, AT)));
        var high = thread("high", 100, new Op.AttachIrq(3, AT), repeat(5, new Op.Receive(new Target.Irq(3), null, "i", Timeout.NEVER, AT), new Op.AckIrq(3, AT)));
        Simulation sim = twoTimers(low, high, "0");
        var l3 = sim.inspector().irqLatency(3);
        var l9 = sim.inspector().irqLatency(9);
        assertEquals(5, l3.count());
        assertTrue(l3.max() < l9.min(), "line 3 first each time: " + l3 + " vs " + l9);
    }

    /**
     * Nesting at user level: while the slow line's handler works on its interrupt, the fast
     * line's interrupt arrives; the kernel takes it at once and its (higher-priority) handler
     * preempts the first one, so its latency does not include the other handler's work.
     */
    @Test
    void aHigherPriorityInterruptPreemptsALowerHandlersWork() {
        var low = thread("low", 100, new Op.AttachIrq(9, AT), repeat(3, new Op.Receive(new Target.Irq(9), null, "i", Timeout.NEVER, AT),
                new Op.Compute(c(60_000), AT), new Op.AckIrq(9, AT)));
        var high = thread("high", 200, new Op.AttachIrq(3, AT), repeat(3, new Op.Receive(new Target.Irq(3), null, "i", Timeout.NEVER, AT), new Op.AckIrq(3, AT)));
        Simulation sim = twoTimers(low, high, "20000");
        var l3 = sim.inspector().irqLatency(3);
        assertEquals(3, l3.count());
        assertTrue(l3.max() < 2_000, "the fast handler never waited for the slow one's 60000 cycles: " + l3);
        assertEquals(3, sim.inspector().thread("drv.low").ipcsReceived(), "and the slow handler still finished its work");
    }

    /** A device type contributed from outside (as a plugin would) drives a driver like the built-in ones. */
    @Test
    void aContributedDeviceTypeRaisesItsIrq() {
        var types = dev.mkw.hw.sim.DeviceTypes.standard();
        types.register(new dev.mkw.hw.sim.DeviceType() {
            @Override public String id() { return "test-nic"; }
            @Override public String description() { return "a packet every 30000 cycles"; }
            @Override public dev.mkw.hw.sim.Device create(String name, int irq, Map<String, String> p) {
                return new dev.mkw.hw.sim.PeriodicDevice(name, irq, 30_000, 0, false);
            }
        });
        var driver = thread("h", 200, new Op.AttachIrq(5, AT),
                repeat(3, new Op.Receive(new Target.Irq(5), null, "i", Timeout.NEVER, AT), new Op.AckIrq(5, AT)));
        Scenario s = new Scenario("nic", "", "t.mkw", dev.mkw.scenario.MachineSpec.preset("i486_50"), KernelConfig.defaults(),
                List.of(task("drv", null, driver).withPrivileged(true)), List.of(), List.of(new DeviceSpec("test-nic", "eth0", 5, Map.of(), AT)), RunSpec.defaults().withUntilCycles(LIMIT));
        Simulation sim = Simulation.create(s, MachinePresets.get().machine("i486_50", 0), types);
        sim.run();
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(3, sim.inspector().thread("drv.h").ipcsReceived());
        assertEquals(5, sim.userState("drv.h").received("i").irq());
    }

    @Test
    void asynchronousDeliverySetsANotificationBit() {
        var driver = thread("h", 200, new Op.AttachIrq(4, AT),
                repeat(3, new Op.WaitNotify(c(1 << 4), "n", Timeout.NEVER, AT), new Op.AckIrq(4, AT)));
        Simulation sim = withUart(KernelConfig.defaults().withIrqDelivery(KernelConfig.IrqDelivery.ASYNC), driver);
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(1 << 4, sim.userState("drv.h").received("n").bits());
    }

    /** The checker itself can fail: an interrupt held for its handler on an unmasked line is reported. */
    @Test
    void brokenIrqAndCapabilityStatesAreCaught() {
        var k = run(scenario("i486_50", KernelConfig.defaults(), task("a", null, thread("t", 10, new Op.Compute(c(100), AT))))).kernel();
        var t = k.thread("a.t");
        k.interrupts().associate(7, t);
        k.interrupts().interrupt(7); // held pending for the handler, the line masked
        k.machine().interruptController().unmask(7); // the corruption: unmasked while still pending
        dev.mkw.kernel.Invariants.checkResources(k);
        assertTrue(k.errors().stream().anyMatch(e -> e.message().equals("kernel invariant broken: a.t has IRQ 7 pending for it while the line is unmasked")),
                k.errors().toString());
    }

    /** The line stays masked from the kernel's delivery until the driver's acknowledgement, which unmasks it. */
    @Test
    void theLineIsMaskedUntilTheDriverAcknowledges() {
        var driver = thread("h", 200, new Op.AttachIrq(4, AT), new Op.Receive(new Target.Irq(4), null, "i", Timeout.NEVER, AT),
                new Op.Compute(c(100_000), AT), new Op.AckIrq(4, AT), new Op.Let("acked", c(1), AT), new Op.Compute(c(100_000), AT));
        // Interrupts at cycles 300000 and 600000: the second comes after the driver has ended.
        Scenario s = new Scenario("irq", "", "t.mkw", dev.mkw.scenario.MachineSpec.preset("i486_50"), KernelConfig.defaults(),
                List.of(task("drv", null, driver).withPrivileged(true)), List.of(),
                List.of(new DeviceSpec("timer", "slow", 4, Map.of("interval", "300000"), AT)), RunSpec.defaults().withUntilCycles(LIMIT));
        Simulation sim = Simulation.create(s, MachinePresets.get().machine("i486_50", 0));
        while (!sim.isFinished() && (sim.userState("drv.h").received("i") == null || sim.engine().cpuClock(0) < 350_000)) sim.step(1);
        assertEquals(4, sim.userState("drv.h").received("i").irq(), "the driver has its interrupt");
        assertTrue(line(sim, 4).masked(), "masked while the driver works on it");
        while (!sim.isFinished() && sim.userState("drv.h").variable("acked") == null) sim.step(1);
        assertFalse(line(sim, 4).masked(), "unmasked by the acknowledgement");
        assertEquals("drv.h", sim.inspector().irqHandler(4), "the driver is still attached");
        sim.run();
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
    }

    private static dev.mkw.kernel.inspect.IrqInfo line(Simulation sim, int line) {
        return sim.inspector().irqs().stream().filter(i -> i.line() == line).findFirst().orElseThrow();
    }

    /**
     * An interrupt that comes while the driver is not receiving is held for it and delivered by
     * its next receive at once; the message comes from the line's interrupt thread
     * (L4 X.2: thread number = line, version 1).
     */
    @Test
    void anInterruptForABusyDriverIsHeldAndDeliveredByItsNextReceive() {
        var driver = thread("h", 200, new Op.AttachIrq(4, AT), new Op.Compute(c(120_000), AT),
                new Op.Receive(new Target.Irq(4), null, "i", Timeout.ZERO, AT), new Op.AckIrq(4, AT));
        Simulation sim = withUart(KernelConfig.defaults(), driver);
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        var got = sim.userState("drv.h").received("i");
        assertEquals(0, got.error(), "a zero-timeout receive found the interrupt already there");
        assertEquals(dev.mkw.kernel.tcb.ThreadId.interrupt(4), got.sender(), "FROM is the interrupt thread of line 4");
        assertEquals(1, sim.inspector().irqLatency(4).count());
        assertTrue(sim.inspector().irqLatency(4).min() >= 50_000, "it waited for the driver's receive: " + sim.inspector().irqLatency(4));
    }
}
