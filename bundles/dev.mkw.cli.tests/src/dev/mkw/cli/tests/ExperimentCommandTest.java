package dev.mkw.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.cli.commands.FidelityCommand;
import dev.mkw.cli.experiment.Claim;
import dev.mkw.cli.experiment.ClaimVerdict;
import dev.mkw.cli.experiment.ExperimentResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.scenario.Scenario;

/**
 * Issue 22: {@code mkw experiment DIR} checks the claims of an experiment directory by runs,
 * with a report (Markdown, HTML, plots) and a verdict per claim. Every shipped experiment runs
 * in its reduced form here and its verdicts must hold.
 */
class ExperimentCommandTest {

    /** The verdict each shipped claim has; a change in the model that changes one must change this (and README). */
    private static final Map<String, String> VERDICTS = Map.ofEntries(
            Map.entry("benno", "reproduced"), Map.entry("lazy", "reproduced"), Map.entry("fastpath", "reproduced"), Map.entry("tagged-tlb", "reproduced"),
            // Copy-in-out cost about 5x the temporary mapping, not 2x, while the model interleaved its two
            // copies word by word: string, kernel buffer and receiver's buffer thrashed the Pentium's 2-way
            // L1D. Copied in two passes, as such kernels do, it is 0.62 (issue 22 item 4: a model error, fixed).
            Map.entry("one-copy", "reproduced"),
            // Eager FPU switching saves and loads the state at every switch of a thread that uses the FPU
            // (LazyFpu.switched); it skipped the move while the FPU held the next thread's, which is lazy
            // behaviour, and the lazy-fpu claim was missed until that model error was fixed.
            Map.entry("lazy-fpu", "reproduced"), Map.entry("all-fpu", "reproduced"),
            // Issue 21's forum-thread example: two processors, each with its working set in its own L1.
            Map.entry("async-throughput", "reproduced"),
            // The baselines (kernel { ipc mach|lrpc }, small spaces): MKW's Mach takes 904 cycles one way, not
            // Liedtke's 5 750 (its path lengths are estimates, its code fits the cache; README "Baselines").
            Map.entry("l3-vs-mach", "direction reproduced, size not"), Map.entry("lrpc-vs-messages", "reproduced"), Map.entry("small-spaces", "reproduced"),
            // LRPC's processor exchange pays off where the domain switch flushes a working set; for a
            // null call MKW's exchange moves more cache lines between the processors than the
            // Cortex-A9's switch costs (README "Baselines"). Reported, not tuned.
            Map.entry("exchange-saves-the-switch", "reproduced"), Map.entry("null-call-mp", "not reproduced"),
            // Issue 22 item 2: the thread count as a parameter (thread client[clients]).
            Map.entry("benno-threads", "reproduced"), Map.entry("lazy-threads", "reproduced"),
            // Mach's out-of-line memory (virtual copy, copy-on-write) against inline copies.
            Map.entry("ool-large", "reproduced"),
            // Issue 22 item 4: TCB lookup over thread count, interrupt delivery under load, unmap over
            // the mapping tree, L4 against Mach at 4 KiB (direction only: no verified figure).
            Map.entry("virtual-array-no-table", "reproduced"), Map.entry("physical-tcbs", "reproduced"),
            Map.entry("async-irq-latency", "reproduced"), Map.entry("unmap-grows-with-tree", "reproduced"),
            Map.entry("l3-vs-mach-4k", "reproduced"));
    // The absolute claims of ipc-presets and ipc-presets-l4re (mkw fidelity's rows) are not pinned here: their
    // verdicts follow from fidelity's golden figures, and absoluteClaimsStateTheFidelityTable... checks that they do.

    @Test
    void everyShippedExperimentRunsReducedAndItsVerdictsHold(@TempDir Path out) throws Exception {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run(CliRun.home(), "experiment", "--all", "--reduced", "--out", out.toString()), cli.out() + cli.err());
        assertEquals(1, new CliRun().run(CliRun.home(), "experiment", "mach-vs-l3", "--reduced", "--strict", "--out", out.resolve("strict").toString()),
                "--strict fails when a claim is missed");
        for (var e : VERDICTS.entrySet()) {
            assertTrue(cli.out().lines().anyMatch(l -> l.strip().startsWith(e.getKey() + " ") && l.contains(" " + e.getValue() + " ")),
                    e.getKey() + " should be " + e.getValue() + ":\n" + cli.out());
        }
        for (String id : List.of("benno", "fastpath", "fpu", "string-copy", "tagged-tlb")) {
            for (String f : List.of("report.md", "report.html", "plot.png", "plot.svg", "results.csv")) {
                assertTrue(Files.size(out.resolve(id).resolve(f)) > 0, id + "/" + f);
            }
            String md = Files.readString(out.resolve(id).resolve("report.md"));
            assertTrue(md.contains("## Claims") && md.contains("A − B cycles") && md.contains("path ipc."), "per-path statistics in " + id + ":\n" + md);
            assertTrue(md.contains("each side's dearest kernel path, in cycles on average") && md.contains("| instruction fetch stalls |"), "what a path's cycles are made of, in " + id + ":\n" + md);
        }
        assertTrue(cli.out().contains("| claim | published | MKW | verdict |"), "the README table: " + cli.out());
        assertTrue(cli.err().contains("8/8 runs"), "a progress bar on stderr: " + cli.err());
        String md = Files.readString(out.resolve("string-copy/report.md"));
        assertTrue(md.contains("one copy instead of two (ratio 0.500 ± 30 %)"), "the tolerance is stated: " + md);
    }

    /**
     * Absolute claims: the experiments ipc-presets and ipc-presets-l4re state the rows of {@code mkw
     * fidelity}'s table ({@code reference PRESET ipc}). Each point's figure must be the one
     * fidelity measures (the same scenario, the same settings, the same one-way figure), and the
     * verdict must follow from its deviation: within the stated 10 %, reproduced; else missed. The
     * figures themselves are golden in FidelityCommandTest, so a change of the cost model moves
     * them there, and here the verdicts follow.
     */
    @Test
    void absoluteClaimsStateTheFidelityTableAndMissedRowsStayMissed(@TempDir Path out) throws Exception {
        Path pingPong = CliRun.home().resolve("examples/scenarios/ping-pong.mkw");
        Scenario reference = ScenarioLoader.standalone().load(pingPong).scenario();
        int claims = 0;
        for (String id : List.of("ipc-presets", "ipc-presets-l4re")) {
            Path dir = CliRun.home().resolve("examples/experiments").resolve(id);
            assertArrayEquals(Files.readAllBytes(pingPong), Files.readAllBytes(dir.resolve("ping-pong.mkw")), id + " runs fidelity's scenario");
            ExperimentResult result = ExperimentRuns.reduced(dir).result();
            for (Claim c : result.spec().claims()) {
                FidelityCommand.Reference r = FidelityCommand.REFERENCES.stream()
                        .filter(x -> x.figure() == FidelityCommand.Figure.IPC && x.preset().equals(c.a().get("machine.preset"))).findFirst().orElseThrow();
                assertTrue(c.absolute() && c.source().equals(r.source()) && c.published() == r.cycles(), c.toString());
                ClaimVerdict v = ClaimVerdict.check(c, result);
                assertEquals(1, v.pairs().size(), c.id() + ": one point");
                long fidelity = FidelityCommand.measure(reference, r);
                assertEquals(fidelity, Math.round(v.pairs().get(0).figureA()), c.id() + ": the experiment's figure is fidelity's");
                boolean within = Math.abs(fidelity - r.cycles()) <= 0.10 * r.cycles();
                assertEquals(within ? ClaimVerdict.Verdict.REPRODUCED : ClaimVerdict.Verdict.NOT_REPRODUCED, v.verdict(), c.id() + " at " + fidelity + " against " + r.cycles());
                claims++;
            }
            // The plot: MKW's figure and the published one, a bar each per preset.
            CategoryDataset bars = new ExperimentRuns(result).chart().getCategoryPlot().getDataset();
            assertEquals(List.of("one-way:ipc.fastpath@server.pong", "published"), bars.getRowKeys());
            for (Claim c : result.spec().claims()) {
                assertEquals(c.published(), bars.getValue("published", c.a().get("machine.preset")).doubleValue(), 1e-9, c.id());
            }
        }
        assertEquals(FidelityCommand.REFERENCES.stream().filter(r -> r.figure() == FidelityCommand.Figure.IPC).count(), claims, "every ipc row of fidelity is a claim");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run(CliRun.home(), "experiment", "ipc-presets", "--out", out.toString()), cli.err());
        String md = Files.readString(out.resolve("ipc-presets/report.md"));
        assertTrue(md.contains("| at | MKW | published | deviation | within |") && md.contains("260 cycles, L3 short IPC, one way (5.2 us at 50 MHz) (± 10 %)")
                && md.contains("path ipc.fastpath"), md);
    }

    @Test
    void reportsAreTheSameByteForByte(@TempDir Path out) throws Exception {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run(CliRun.home(), "experiment", "fastpath", "--reduced", "--out", out.resolve("a").toString(), "--jobs", "2"), cli.err());
        assertEquals(0, cli.run(CliRun.home(), "experiment", "fastpath", "--reduced", "--out", out.resolve("b").toString(), "--jobs", "1"), cli.err());
        for (String f : List.of("report.md", "report.html", "plot.svg", "plot.png", "results.csv")) {
            assertArrayEquals(Files.readAllBytes(out.resolve("a/fastpath").resolve(f)), Files.readAllBytes(out.resolve("b/fastpath").resolve(f)), f);
        }
    }

    @Test
    void thePlotsHoldTheSeriesAndPointsOfTheRuns(@TempDir Path out) throws Exception {
        CliRun cli = new CliRun();
        // Words on the x axis: a bar chart, one series per value of the second axis, one bar per preset.
        ExperimentRuns fast = ExperimentRuns.reduced(CliRun.home().resolve("examples/experiments/fastpath"));
        JFreeChart chart = fast.chart();
        CategoryDataset bars = chart.getCategoryPlot().getDataset();
        assertEquals(List.of("kernel.fastpath=off", "kernel.fastpath=on"), bars.getRowKeys());
        assertEquals(List.of("i486_50", "pentium_100", "x86_64_pcid", "cortex_a9"), bars.getColumnKeys());
        for (int i = 0; i < fast.result().size(); i++) {
            Map<String, String> v = fast.result().varied(i);
            assertEquals(fast.result().figure(i), bars.getValue("kernel.fastpath=" + v.get("kernel.fastpath"), v.get("machine.preset")).doubleValue(), 1e-9);
        }
        // Sizes on the x axis: an XY chart with the sizes as numbers.
        ExperimentRuns copy = ExperimentRuns.reduced(CliRun.home().resolve("examples/experiments/string-copy"));
        XYSeriesCollection xy = (XYSeriesCollection) copy.chart().getXYPlot().getDataset();
        assertEquals(2, xy.getSeriesCount());
        assertEquals("kernel.string-copy=copy-in-out", xy.getSeriesKey(0));
        assertEquals(5, xy.getItemCount(0));
        assertEquals(List.of(256.0, 1024.0, 4096.0, 16384.0, 65536.0), List.of(xy.getXValue(0, 0), xy.getXValue(0, 1), xy.getXValue(0, 2), xy.getXValue(0, 3), xy.getXValue(0, 4)));
        assertTrue(xy.getYValue(0, 4) > xy.getYValue(1, 4), "copy-in-out above temporary mapping at 64K");
        // The files drawn from them carry the same content: the legend's series and a mark per point.
        assertEquals(0, cli.run(CliRun.home(), "experiment", "string-copy", "--reduced", "--out", out.toString()), cli.err());
        String svg = Files.readString(out.resolve("string-copy/plot.svg"));
        assertTrue(svg.contains(">kernel.string-copy=copy-in-out</text>") && svg.contains(">kernel.string-copy=temporary-mapping</text>"), "the legend names both series");
        // Inside the plot area (its clip) each point is a filled mark in its series' colour: five of each.
        assertEquals(5, count(svg, "fill:rgb(255,85,85);stroke:none' clip-path='url(#mkwclip-2)'"), "copy-in-out's points");
        assertEquals(5, count(svg, "fill:rgb(85,85,255);stroke:none' clip-path='url(#mkwclip-2)'"), "temporary-mapping's points");
        String html = Files.readString(out.resolve("string-copy/report.html"));
        assertTrue(html.contains("<svg") && html.contains("kernel.string-copy=temporary-mapping"), "the plot is inline in the HTML");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void mistakesInAnExperimentAreRefusedWithTheirPosition(@TempDir Path dir) throws Exception {
        Path e = dir.resolve("mine");
        Files.createDirectories(e);
        Files.copy(CliRun.home().resolve("examples/experiments/fastpath/ping-pong.mkw"), e.resolve("ping-pong.mkw"));
        Files.writeString(e.resolve("experiment.mkwx"), """
                title  mine
                scenario ping-pong.mkw
                vary kernel.fastpath=off,on
                metric ipc_avg_cycles
                claim c
                  says faster
                  source me
                  compare kernel.fastpath=maybe / kernel.fastpath=off
                  expect lower
                  tolerance 10%
                """);
        CliRun cli = new CliRun();
        assertEquals(2, cli.run(dir, "experiment", "mine"));
        assertTrue(cli.err().contains("experiment.mkwx:8:1: error: claim c: no point has kernel.fastpath=maybe (kernel.fastpath takes off, on)"), cli.err());
        assertTrue(cli.err().contains("experiment.mkwx:5:1: error: claim c has a tolerance but no published figure"), cli.err());
        Files.writeString(e.resolve("experiment.mkwx"), "title t\nscenario ping-pong.mkw\nvary kernel.fastpath=off,on\nmetric ipc_avg_cycles\nmetrik x\n");
        cli = new CliRun();
        assertEquals(2, cli.run(dir, "experiment", "mine"));
        assertTrue(cli.err().contains("experiment.mkwx:5:1: error: unknown statement 'metrik'"), cli.err());
        // Absolute claims: the figure needs its points, a tolerance and the experiment's unit; a reference names a row of fidelity.
        Files.writeString(e.resolve("experiment.mkwx"), """
                title t
                scenario ping-pong.mkw
                vary kernel.fastpath=off,on
                metric ipc_avg_cycles
                unit cycles
                claim a
                  says s
                  source me
                  expect 260 µs
                claim b
                  says s
                  source me
                  at kernel.fastpath=on
                  expect 260 cycles
                claim c
                  reference i486_50 ipc
                  tolerance 10%
                claim d
                  reference pdp11 ipc
                """);
        cli = new CliRun();
        assertEquals(2, cli.run(dir, "experiment", "mine"));
        assertTrue(cli.err().contains("experiment.mkwx:9:1: error: claim a expects a figure but says of which points (at KEY=VALUE ...)"), cli.err());
        assertTrue(cli.err().contains("experiment.mkwx:9:1: error: claim a expects µs but the experiment measures cycles"), cli.err());
        assertTrue(cli.err().contains("experiment.mkwx:10:1: error: claim b states a figure but no tolerance"), cli.err());
        assertTrue(cli.err().contains("experiment.mkwx:16:1: error: claim c: the reference's figure is the one-way IPC from user level; the experiment measures ipc_avg_cycles, not metric one-way:ipc.fastpath@server.pong"), cli.err());
        assertTrue(cli.err().contains("experiment.mkwx:16:1: error: claim c: machine.preset is neither varied nor set"), cli.err());
        assertTrue(cli.err().contains("experiment.mkwx:19:13: error: reference PRESET FIGURE names a row of mkw fidelity's table, one of: i486_50 ipc,"), cli.err());
        cli = new CliRun();
        assertEquals(2, cli.run(dir, "experiment", "no-such-experiment"));
        assertTrue(cli.err().contains("no experiment 'no-such-experiment'"), cli.err());
        assertEquals(0, cli.run(CliRun.home(), "experiment", "list"), cli.err());
        assertTrue(cli.out().contains("tagged-tlb") && cli.out().contains("string-copy"), cli.out());
    }
}
