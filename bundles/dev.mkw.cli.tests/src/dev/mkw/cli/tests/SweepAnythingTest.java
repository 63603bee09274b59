package dev.mkw.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 22 item 2: a sweep varies scenario parameters ({@code param.NAME}), machine fields by
 * path with size suffixes, and kernel variants; a mistake in any axis is one clear line and
 * exit code 2 before anything runs.
 */
class SweepAnythingTest {
    private static final String STRING_IPC = CliRun.home().resolve("examples/experiments/string-copy/string-ipc.mkw").toString();

    @Test
    void parametersMachineFieldsAndVariantsAreAxes() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run(CliRun.home(), "sweep", STRING_IPC, "--vary", "param.bytes=256,4K", "--vary", "param.rounds=2",
                "--vary", "machine.caches.L1D.sizeBytes=8K,16KiB", "--metric", "path:ipc.slowpath", "--metric", "cache:L1D", "--jobs", "2"), cli.err());
        List<String> rows = cli.out().lines().toList();
        assertEquals("point,param.bytes,param.rounds,machine.caches.L1D.sizeBytes,status,path:ipc.slowpath,cache:L1D,error", rows.get(0));
        assertEquals(5, rows.size(), cli.out());
        long small = slowpath(rows.get(1)), large = slowpath(rows.get(3));
        assertTrue(large > 2 * small, "a 4K string costs more than twice a 256-byte one: " + cli.out());
        long missesSmallCache = Long.parseLong(rows.get(3).split(",")[6]), missesLargeCache = Long.parseLong(rows.get(4).split(",")[6]);
        assertTrue(missesLargeCache < missesSmallCache, "a 16 KiB L1D misses less than an 8 KiB one: " + cli.out());
        // A --set param.NAME=V run is the sweep's point with that value.
        CliRun run = new CliRun();
        assertEquals(0, run.run(CliRun.home(), "run", STRING_IPC, "--set", "param.bytes=4K", "--set", "param.rounds=2",
                "--set", "machine.caches.L1D.sizeBytes=8K", "--report", "json"), run.err());
        assertTrue(run.out().contains("\"ipc.slowpath\""), run.out());
    }

    @Test
    void aBadAxisIsRefusedBeforeAnyRun() {
        check(List.of("--vary", "param.bites=8"), "the scenario declares no parameter 'bites' (it declares bytes, rounds)");
        check(List.of("--vary", "param.bytes=lots"), "--vary param.bytes=lots: expects a number");
        check(List.of("--vary", "machine.caches.L9.sizeBytes=4K"), "--vary machine.caches.L9.sizeBytes=4K: impossible machine: the machine has no caches element 'L9'");
        check(List.of("--vary", "machine.mmu.taggedTlb=maybe"), "--vary machine.mmu.taggedTlb=maybe: impossible machine:");
        CliRun run = new CliRun();
        assertEquals(2, run.run(CliRun.home(), "run", STRING_IPC, "--set", "param.nope=1"));
        assertTrue(run.err().contains("string-ipc.mkw:1:1: error: param.nope: the scenario declares no parameter 'nope'"), run.err());
    }

    /**
     * {@code mkw sweep --set KEY=VALUE} fixes a setting for every point, as {@code mkw run --set}
     * does; here the UART's interrupt interval, a scenario parameter of the device (interval gap cycles).
     */
    @Test
    void setFixesASettingForEveryPoint() {
        String uart = CliRun.home().resolve("examples/experiments/irq-delivery/uart-load.mkw").toString();
        CliRun set = new CliRun();
        assertEquals(0, set.run(CliRun.home(), "sweep", uart, "--set", "param.gap=5000", "--set", "param.irqs=20", "--vary", "kernel.irq-delivery=sync,async",
                "--metric", "irqs_delivered", "--metric", "irq_avg_latency_cycles", "--metric", "cycles"), set.err());
        List<String> rows = set.out().lines().toList();
        assertEquals("point,param.gap,param.irqs,kernel.irq-delivery,status,irqs_delivered,irq_avg_latency_cycles,cycles,error", rows.get(0));
        assertEquals(List.of("0,5000,20,sync,ok", "1,5000,20,async,ok"), rows.subList(1, 3).stream().map(r -> String.join(",", List.of(r.split(",")).subList(0, 5))).toList());
        // The same points as a one-value --vary: the same figures, so --set is that setting and nothing else.
        CliRun vary = new CliRun();
        assertEquals(0, vary.run(CliRun.home(), "sweep", uart, "--vary", "param.gap=5000", "--vary", "param.irqs=20", "--vary", "kernel.irq-delivery=sync,async",
                "--metric", "irqs_delivered", "--metric", "irq_avg_latency_cycles", "--metric", "cycles"), vary.err());
        assertEquals(set.out(), vary.out());
        // The interrupt rate is the device's: a longer gap takes longer to deliver as many interrupts.
        CliRun slow = new CliRun();
        assertEquals(0, slow.run(CliRun.home(), "sweep", uart, "--set", "param.gap=40000", "--set", "param.irqs=20", "--vary", "kernel.irq-delivery=sync,async",
                "--metric", "irqs_delivered", "--metric", "irq_avg_latency_cycles", "--metric", "cycles"), slow.err());
        long fastCycles = Long.parseLong(rows.get(1).split(",")[7]), slowCycles = Long.parseLong(slow.out().lines().toList().get(1).split(",")[7]);
        assertTrue(2 * slowCycles > 3 * fastCycles, "interval gap cycles follows --set param.gap: " + set.out() + slow.out());
        // Mistakes: more than one value, a key both set and varied, a value the device refuses (placed in the file).
        check(List.of("--set", "param.bytes=8,16", "--vary", "param.rounds=2"), "--set takes KEY=VALUE (one value; --vary KEY=V1,V2 varies it), got 'param.bytes=8,16'");
        check(List.of("--set", "param.bytes=8", "--vary", "param.bytes=16,32"), "param.bytes is given with both --set and --vary");
        check(List.of("--set", "param.bytes=lots", "--vary", "param.rounds=2"), "--set param.bytes=lots: expects a number");
        CliRun bad = new CliRun();
        assertEquals(2, bad.run(CliRun.home(), "sweep", uart, "--set", "param.gap=0", "--vary", "kernel.irq-delivery=sync,async"));
        assertTrue(bad.err().contains("uart-load.mkw:44:33: error: device com1: parameter interval must be at least 1, got 0 (from param gap = 0, given from outside)"), bad.err());
        assertTrue(bad.out().isEmpty(), "nothing ran: " + bad.out());
    }

    @Test
    void aPipelineFieldIsSweptOnThePresetTheSweepSets() {
        // ping-pong.mkw runs on the i486, which has no pipeline: the fields are checked on the preset --set names.
        String pingPong = CliRun.home().resolve("examples/scenarios/ping-pong.mkw").toString();
        CliRun sweep = new CliRun();
        assertEquals(0, sweep.run(CliRun.home(), "sweep", pingPong, "--set", "machine.preset=cortex_a76", "--vary", "machine.pipeline.issueWidth=1,4",
                "--metric", "cycles"), sweep.err());
        List<String> rows = sweep.out().lines().toList();
        long one = Long.parseLong(rows.get(1).split(",")[4]), four = Long.parseLong(rows.get(2).split(",")[4]);
        assertTrue(four < one, "a wider pipeline runs the kernel's counted paths in fewer cycles: " + sweep.out());
        CliRun none = new CliRun();
        assertEquals(2, none.run(CliRun.home(), "sweep", pingPong, "--vary", "machine.pipeline.issueWidth=1,4"));
        assertTrue(none.err().contains("--vary machine.pipeline.issueWidth=1: impossible machine: the machine has no pipeline"), none.err());
    }

    private static void check(List<String> vary, String message) {
        CliRun cli = new CliRun();
        List<String> args = new java.util.ArrayList<>(List.of("sweep", STRING_IPC));
        args.addAll(vary);
        assertEquals(2, cli.run(CliRun.home(), args.toArray(String[]::new)), cli.out());
        assertTrue(cli.err().contains(message), cli.err());
        assertTrue(cli.out().isEmpty(), "nothing ran: " + cli.out());
    }

    private static long slowpath(String row) {
        return Long.parseLong(row.split(",")[5]);
    }

    static Path home() { return CliRun.home(); }
}
