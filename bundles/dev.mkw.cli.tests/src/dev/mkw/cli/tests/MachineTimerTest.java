package dev.mkw.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.cli.CliContext;
import dev.mkw.cli.ScenarioRunner;
import dev.mkw.sim.report.RunReport;

/**
 * The machine's timer is the preset's: its IRQ line (the PC's PIT on line 0, the ARM
 * generic timer's private interrupt on 29 or 30), programmed by the kernel to its tick.
 */
class MachineTimerTest {
    private static final long TICK = 10_000;

    private static RunReport run(Path dir, String preset) throws Exception {
        Path f = Files.writeString(dir.resolve(preset + ".mkw"), "scenario Tick\nmachine preset " + preset + " { cpus 1 }\n"
                + "kernel { timeslice " + TICK + " cycles }\n"
                + "task a pager root {\n  thread x priority 10 { compute 200000 cycles }\n  thread y priority 10 { compute 200000 cycles }\n}\n"
                + "run until all-done\n");
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), dir, CliRun.home());
        return ScenarioRunner.run(ScenarioRunner.load(f, ctx));
    }

    @Test
    void theTimerRaisesThePresetsLineAtTheKernelsTick(@TempDir Path dir) throws Exception {
        RunReport pc = run(dir, "i486_50");
        assertEquals("all threads done", pc.endReason());
        assertTrue(pc.irqs().containsKey(0), "the PC's PIT is on line 0: " + pc.irqs().keySet());
        long ticks = pc.irqs().get(0).raised();
        assertTrue(Math.abs(ticks - pc.cycles() / TICK) <= 1, ticks + " ticks in " + pc.cycles() + " cycles at one per " + TICK);

        RunReport arm = run(dir, "cortex_a9");
        assertEquals("all threads done", arm.endReason());
        assertTrue(arm.irqs().containsKey(29), "the Cortex-A9 preset's timer is on line 29: " + arm.irqs().keySet());
        assertFalse(arm.irqs().containsKey(0), "nothing raises line 0 there");
        assertTrue(arm.kernelPaths().containsKey("irq.timer") && arm.kernelPaths().get("irq.timer").count() > 0,
                "the kernel knows line 29 as its timer: " + arm.kernelPaths().keySet());
    }
}
