package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.AT;
import static dev.mkw.test.support.Scenarios.c;
import static dev.mkw.test.support.Scenarios.scenario;
import static dev.mkw.test.support.Scenarios.thread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;

/**
 * sigma0, the root pager (Liedtke, "On µ-Kernel Construction", SOSP 1995, §3.2: the initial
 * address space sigma0 holds all physical memory; L4 X.2 reference manual, "sigma0 protocol"):
 * a user-level thread reached by page-fault IPC that maps only what the task's regions allow,
 * with their rights.
 */
class Sigma0Test {

    private static Simulation run(String rights, Op... body) {
        ThreadSpec t = thread("t", 10, body);
        TaskSpec app = new TaskSpec("app", TaskSpec.ROOT_PAGER, null, List.of(new TaskSpec.RegionSpec(0x10000, 0x4000, rights, AT)),
                List.of(), List.of(), List.of(t), AT);
        Simulation sim = Simulation.create(scenario("i486_50", KernelConfig.defaults(), app).withRun(RunSpec.defaults().withTrace(RunSpec.Trace.ON, 0)),
                dev.mkw.hw.model.MachinePresets.get().machine("i486_50", 0));
        sim.run();
        return sim;
    }

    @Test
    void aFaultOfARootPagedTaskIsAPageFaultIpcToSigma0AndAMapReply() {
        Simulation sim = run("rw", new Op.Access(c(0x10008), Op.AccessKind.WRITE, AT));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        List<TraceEvent> ev = sim.inspector().traceEvents();
        assertTrue(ev.stream().anyMatch(e -> e.kind() == TraceKind.IPC_SEND && e.thread().equals("app.t") && e.partner().equals("sigma0") && e.detail().equals("page-fault")),
                "the fault went to sigma0 as an IPC");
        assertTrue(ev.stream().anyMatch(e -> e.kind() == TraceKind.MAP && e.thread().equals("sigma0") && e.partner().equals("app.t") && e.value() == 0x10000),
                "sigma0 answered with a mapping of the faulting page");
        var sigma0 = sim.threads().stream().filter(t -> t.name().equals("sigma0")).findFirst().orElseThrow();
        assertEquals(1, sigma0.ipcsReceived(), "sigma0's IPC shows in the thread statistics");
        assertEquals(1, sigma0.ipcsSent());
        assertTrue((sim.inspector().path("map").count() > 0), "the reply with a map item took the map path");
        assertEquals("rw-", sim.inspector().mappings().stream().filter(m -> m.task().equals("app")).findFirst().orElseThrow().rights(), "the region's rights");
    }

    @Test
    void anAccessOutsideEveryRegionIsAReportedPageFault() {
        Simulation sim = run("rw", new Op.Access(c(0x80000), Op.AccessKind.READ, AT));
        assertEquals(2, sim.inspector().errors().size(), sim.inspector().errors().toString());
        assertEquals("sigma0: no region of task app covers 0x80000: the fault is not served", sim.inspector().errors().get(0).message());
        assertEquals("page fault at 0x80000 not resolved: pager sigma0 replied without a mapping for it", sim.inspector().errors().get(1).message());
        assertEquals("app.t", sim.inspector().errors().get(1).thread());
        assertTrue(sim.inspector().errors().get(1).fatal());
    }

    @Test
    void aWriteToAReadOnlyRegionIsRefused() {
        Simulation sim = run("r", new Op.Access(c(0x10000), Op.AccessKind.WRITE, AT));
        assertTrue(sim.inspector().errors().get(0).message().startsWith("sigma0: the region of task app at 0x10000 is r, the fault at 0x10000 needs -w-"),
                sim.inspector().errors().toString());
    }

    @Test
    void sigma0FaultsCostRealIpc() {
        // The fault path, sigma0's receive and its map reply: more than the fault path alone.
        Simulation sim = run("rw", new Op.Access(c(0x10000), Op.AccessKind.WRITE, AT));
        long fault = sim.inspector().path("pagefault").total();
        long map = sim.inspector().path("map").total();
        assertTrue(fault > 0 && map > 0, "fault " + fault + ", map " + map);
        var sigma0 = sim.threads().stream().filter(t -> t.name().equals("sigma0")).findFirst().orElseThrow();
        assertTrue(sigma0.userCycles() > 0, "sigma0's own code ran at user level");
    }

    @Test
    void sigma0sHandlerIsChargedAsInstructions() {
        // Its 50 instructions between receive and reply cost the machine's INSTRUCTION each.
        long[] userCycles = new long[2];
        for (int i = 0; i < 2; i++) {
            Map<String, String> o = Map.of("costs.INSTRUCTION.cycles", Integer.toString(i + 1));
            TaskSpec app = new TaskSpec("app", TaskSpec.ROOT_PAGER, null, List.of(new TaskSpec.RegionSpec(0x10000, 0x4000, "rw", AT)),
                    List.of(), List.of(), List.of(thread("t", 10, new Op.Access(c(0x10000), Op.AccessKind.WRITE, AT))), AT);
            Simulation sim = Simulation.create(scenario("i486_50", KernelConfig.defaults(), app).withMachine(new dev.mkw.scenario.MachineSpec("i486_50", o)),
                    dev.mkw.hw.model.MachinePresets.get().machine("i486_50", o));
            sim.run();
            assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
            userCycles[i] = sim.threads().stream().filter(t -> t.name().equals("sigma0")).findFirst().orElseThrow().userCycles();
        }
        assertTrue(userCycles[1] - userCycles[0] >= 50, "one fault, 50 instructions at 1 and at 2 cycles: " + userCycles[0] + " → " + userCycles[1]);
    }

    @Test
    void sigma0MapsOnFaultAndTheThreadResumesInvisibly() {
        var t = thread("t", 10, new Op.Touch(c(0x10000), c(0x20000), c(4096), true, AT));
        Simulation sim = Scenarios.run(scenario("i486_50", KernelConfig.defaults(), Scenarios.task("app", "root", t)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(16, sim.threads().get(0).pageFaults());
        assertEquals("DEAD", sim.threads().get(0).state(), "ran to the end");
    }

    /**
     * sigma0 owns all frames idempotently and hands each out once (L4 X.2, "sigma0 protocol"):
     * every page the task touched has its own frame, each mapping a direct child of sigma0's.
     */
    @Test
    void eachFaultGetsAFrameOfItsOwnDerivedFromSigma0() {
        Simulation sim = run("rw", new Op.Touch(c(0x10000), c(0x14000), c(4096), true, AT));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        var region = sim.inspector().mappings("app").stream().filter(m -> Long.decode(m.vaddr()) < 0x14000).toList();
        assertEquals(4, region.size());
        assertEquals(4, region.stream().map(m -> m.frame()).distinct().count(), "no frame handed out twice");
        assertTrue(region.stream().allMatch(m -> m.derivedFrom().equals("sigma0") && m.rights().equals("rw-")), region.toString());
        var sigma0 = sim.inspector().thread("sigma0");
        assertEquals(4, sigma0.ipcsReceived(), "one page-fault IPC per page");
    }
}
