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
}
