package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.cli.CliContext;
import dev.mkw.cli.Mkw;
import dev.mkw.run.VariantSettings;
import dev.mkw.sim.export.TextReportExporter;
import dev.mkw.sim.report.RunReport;
import dev.mkw.ui.prefs.MkwPreferences;
import dev.mkw.ui.run.RunResults;
import dev.mkw.ui.run.ScenarioRun;

/**
 * The command line and the workbench run scenarios through one pipeline: the same scenario
 * and settings give the same report, its settings and its end reason word for word, whether
 * {@code mkw run} printed it or the workbench's Run did.
 */
class PipelineParityTest {
    private static final Path HOME = Path.of(System.getProperty("mkw.home", "../.."));

    @Test
    void aFinishedRunReadsTheSameInBoth() throws Exception {
        RunReport ui = ScenarioRun.run(example("ping-pong.mkw"), List.of("kernel.scheduling=lazy"), () -> false).report();
        String cli = cli("ping-pong", "--set", "kernel.scheduling=lazy");
        assertEquals("all threads done", ui.endReason());
        assertTrue(ui.settings().keySet().containsAll(VariantSettings.KEYS.keySet()), "every setting, not only the ones given: " + ui.settings());
        // Besides them, the machine fields the scenario overrides (ping-pong: machine preset i486_50 { cpus 1 }).
        var extra = new java.util.TreeSet<>(ui.settings().keySet());
        extra.removeAll(VariantSettings.KEYS.keySet());
        assertEquals(java.util.Set.of("machine.cpus"), extra);
        assertEquals("lazy", ui.settings().get("kernel.scheduling"));
        assertEquals(cli, TextReportExporter.render(ui), "mkw run's report and the workbench's are the same text");
    }

    @Test
    void aRunStoppedByItsCycleLimitReadsTheSameInBoth() throws Exception {
        RunResults.Run run = ScenarioRun.run(example("ping-pong.mkw"), List.of("run.until-cycles=50000"), () -> false);
        String cli = cli("ping-pong", "--until", "50000");
        assertEquals("cycle limit", run.report().endReason());
        assertEquals("50000", run.report().settings().get("run.until-cycles"));
        assertTrue(run.finished());
        assertEquals("ping-pong.mkw {run.until-cycles=50000}", run.label(), "legends name only the settings given");
        assertEquals(cli, TextReportExporter.render(run.report()));
    }

    @Test
    void aRunCancelledInTheWorkbenchSaysWhereItStopped(@TempDir Path dir) throws Exception {
        Path spin = Files.writeString(dir.resolve("spin.mkw"),
                "scenario Spin\ntask a pager root { thread t priority 10 { repeat forever { compute 100 cycles } } }\nrun until all-done\n");
        RunResults.Run run = ScenarioRun.run(spin, List.of(), () -> true);
        assertTrue(run.report().endReason().matches("stopped at cycle \\d+"), run.report().endReason());
        assertTrue(run.finished(), "a cancelled run is over; only paused ones go on");
    }

    /** {@code mkw run} in this JVM with the trace the workbench records (its preference), printing the text report. */
    private static String cli(String example, String... options) {
        List<String> argv = new ArrayList<>(List.of("run", example));
        argv.addAll(List.of(options));
        argv.add("--trace");
        argv.add(switch (MkwPreferences.traceMode()) {
            case MkwPreferences.OFF -> "off";
            case MkwPreferences.ON -> "on";
            default -> "ring:" + MkwPreferences.traceRing();
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Mkw().run(argv, new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HOME, HOME));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Path example(String name) {
        return HOME.resolve("examples/scenarios").resolve(name);
    }
}
