package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelVariants;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Scenario;

/**
 * The baseline experiments shipped in examples/experiments (kernel { ipc l4|mach|lrpc }), loaded
 * from their scenario files as {@code mkw experiment} loads them: each runs clean on every value of
 * its sweep, and the direction of each claim holds (its size is the experiment report's verdict).
 */
class BaselineExperimentsTest {

    private static Scenario load(String dir, String file) throws Exception {
        Path f = Scenarios.examples().resolve("../experiments").resolve(dir).resolve(file).normalize();
        var r = ScenarioLoader.standalone().load(f);
        assertEquals(List.of(), Scenarios.formatted(r), f.toString());
        return r.scenario();
    }

    /** Mean one-way IPC cycles of {@code s} with {@code kernel.ipc} set to {@code ipc}. */
    private static double ipcCycles(Scenario s, String ipc) {
        KernelConfig k = KernelVariants.byWord("ipc").apply(s.kernel(), ipc);
        Simulation sim = Simulation.create(s.withKernel(k), MachinePresets.get().machine(s.machine().preset(), 0));
        sim.run();
        assertEquals(List.of(), sim.inspector().errors(), ipc);
        assertTrue(sim.inspector().ipcLatency().count() >= 200, ipc + ": " + sim.inspector().ipcLatency().count() + " IPCs");
        return sim.inspector().ipcLatency().mean();
    }

    @Test
    void l3IsFasterThanMachForShortMessages() throws Exception {
        Scenario s = load("mach-vs-l3", "ping-pong.mkw");
        double l4 = ipcCycles(s, "l4"), mach = ipcCycles(s, "mach");
        assertTrue(l4 < mach / 3, "L4 " + l4 + " against Mach " + mach + " cycles");
    }

    @Test
    void lrpcIsFasterThanMessageBasedRpc() throws Exception {
        Scenario s = load("lrpc-vs-rpc", "rpc.mkw");
        double lrpc = ipcCycles(s, "lrpc"), mach = ipcCycles(s, "mach");
        assertTrue(lrpc < mach / 2, "LRPC " + lrpc + " against Mach " + mach + " cycles");
        System.out.printf("baselines: LRPC %.1f, Mach %.1f, L4 %.1f cycles one way%n", lrpc, mach, ipcCycles(s, "l4"));
    }

    @Test
    void smallSpacesKeepTheTlb() throws Exception {
        Scenario s = load("small-spaces", "ipc-working-set.mkw");
        long[] misses = new long[2];
        for (int i = 0; i < 2; i++) {
            KernelConfig k = KernelVariants.byWord("small-spaces").apply(s.kernel(), i == 0 ? "off" : "on");
            Simulation sim = Simulation.create(s.withKernel(k), MachinePresets.get().machine(s.machine().preset(), 0));
            sim.run();
            assertEquals(List.of(), sim.inspector().errors());
            var mem = sim.machine().mem(0);
            misses[i] = mem.tlb().misses() + mem.itlb().misses();
            System.out.printf("baselines: small-spaces %s: %d TLB misses, %d cycles, IPC %.1f cycles one way%n", i == 0 ? "off" : "on", misses[i],
                    sim.inspector().accountTotals().values().stream().mapToLong(Long::longValue).sum(), sim.inspector().ipcLatency().mean());
        }
        assertTrue(misses[1] * 2 < misses[0], "TLB misses with small spaces " + misses[1] + ", without " + misses[0]);
    }

    @Test
    void smallSpacesAreRefusedWhereThereAreNoSegments() throws Exception {
        var r = ScenarioLoader.standalone().load("scenario S\nmachine preset x86_64_pcid\nkernel { small-spaces on }\ntask t { thread a { exit } }\n", "/t/s.mkw");
        assertTrue(Scenarios.formatted(r).stream().anyMatch(m -> m.contains("small address spaces are segments of x86-32")), Scenarios.formatted(r).toString());
    }

    /** The LRPC multiprocessor experiment at {@code pages} pages, the server on processor {@code serverCpu}. */
    private static Simulation lrpcMp(int serverCpu, int pages) throws Exception {
        Path f = Scenarios.examples().resolve("../experiments/lrpc-multiprocessor/lrpc-mp.mkw").normalize();
        var r = ScenarioLoader.standalone().withParams(java.util.Map.of("servercpu", "" + serverCpu, "pages", "" + pages, "rounds", "40")).load(f);
        assertEquals(List.of(), Scenarios.formatted(r), f.toString());
        Simulation sim = dev.mkw.run.RunPipeline.prepare(r.scenario());
        sim.run();
        assertEquals(List.of(), sim.inspector().errors());
        return sim;
    }

    private static long tlbMisses(Simulation sim) {
        long n = 0;
        for (int i = 0; i < sim.machine().cpuCount(); i++) n += sim.machine().mem(i).tlb().misses() + sim.machine().mem(i).itlb().misses();
        return n;
    }

    @Test
    void lrpcExchangesProcessorsWithTheIdleServerDomain() throws Exception {
        Simulation same = lrpcMp(0, 32), cross = lrpcMp(1, 32);
        assertEquals(80, cross.inspector().path("lrpc.exchange").count(), "every call and return of the run exchanges processors");
        assertTrue(!same.inspector().paths().containsKey("lrpc.exchange"));
        long sameCycles = dev.mkw.run.RunPipeline.report(same, "").cycles(), crossCycles = dev.mkw.run.RunPipeline.report(cross, "").cycles();
        assertTrue(tlbMisses(cross) * 2 < tlbMisses(same), "TLB misses " + tlbMisses(cross) + " against " + tlbMisses(same));
        assertTrue(crossCycles < sameCycles, "cycles " + crossCycles + " against " + sameCycles);
        System.out.printf("baselines: LRPC on two processors, 32 pages: exchanged %d cycles %d TLB misses, one processor %d cycles %d TLB misses%n",
                crossCycles, tlbMisses(cross), sameCycles, tlbMisses(same));
    }

    /** Mach's out-of-line memory: the experiment's scenario runs clean; out of line the message path is cheaper, and a written page is copied. */
    @Test
    void machOutOfLineAgainstInline() throws Exception {
        Path f = Scenarios.examples().resolve("../experiments/mach-out-of-line/ool.mkw").normalize();
        long[] msg = new long[2];
        for (int ool = 0; ool < 2; ool++) {
            var r = ScenarioLoader.standalone().withParams(java.util.Map.of("ool", "" + ool, "bytes", "64K", "rounds", "5", "writes", "1")).load(f);
            assertEquals(List.of(), Scenarios.formatted(r), f.toString());
            Simulation sim = dev.mkw.run.RunPipeline.prepare(r.scenario());
            sim.run();
            assertEquals(List.of(), sim.inspector().errors());
            msg[ool] = sim.inspector().path("mach.msg").total();
            long cow = sim.inspector().paths().containsKey("mach.cow") ? sim.inspector().path("mach.cow").count() : 0;
            assertEquals(ool == 1 ? 5 * 16 : 0, cow, "out of line, every page the receiver writes is copied on write");
        }
        assertTrue(msg[1] * 4 < msg[0], "mach.msg out of line " + msg[1] + " against inline " + msg[0]);
    }
}
