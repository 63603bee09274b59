package dev.mkw.cli.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.Command;
import dev.mkw.cli.ScenarioRunner;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunReport;

/**
 * {@code mkw fidelity}: MKW's short-IPC figure on every preset that has a published one,
 * beside that figure, its source and the deviation. The reference scenario is the ping-pong
 * example (a call and a reply-and-wait between two address spaces, two words each way); MKW's
 * figure is the mean cycles of the IPC fast path from kernel entry to exit. Nothing in the
 * model is fitted to these numbers: a deviation says where the model is still wrong.
 */
public final class FidelityCommand implements Command {

    /** A published one-way IPC figure on the machine a preset models. */
    public record Reference(String preset, long cycles, String what, String source) {}

    /** The published figures MKW is checked against (more are kept back to check that the model generalises). */
    public static final List<Reference> REFERENCES = List.of(
            new Reference("i486_50", 260, "L3 short IPC, one way (5.2 us at 50 MHz)", "Liedtke, Improving IPC by Kernel Design, SOSP 1993"),
            new Reference("cortex_a9", 316, "seL4 IPC call, one way", "sel4bench, seL4 performance page (Cortex-A9)"),
            new Reference("x86_64_pcid", 375, "seL4 IPC call, one way (Skylake)", "sel4bench, seL4 performance page (Skylake)"),
            new Reference("cortex_a53", 691, "L4Re inter-address-space IPC", "L4Re/Fiasco published figure for Cortex-A53 (Raspberry Pi 3)"));

    @Override public String name() { return "fidelity"; }

    @Override public String summary() { return "MKW's IPC figure on each preset beside the published one"; }

    @Override public String help() {
        return "Usage: mkw fidelity [--sensitivity] [--json]\n\n"
                + "Runs the ping-pong example on every preset with a published IPC figure and prints\n"
                + "MKW's mean fast-path cycles beside it, with the source and the deviation.\n\n"
                + "  --sensitivity  also set each constant the cost model marks as an estimate to 50 % and\n"
                + "                 150 % of its value, one at a time, and show how each figure moves\n"
                + "  --json         print the figures (and the sensitivity) as JSON instead of tables\n";
    }

    @Override
    public int run(List<String> argv, CliContext ctx) throws CliException {
        Args a = Args.parse(name(), argv, Set.of(), Set.of("sensitivity", "json"));
        Path pingPong = ctx.examples().resolve("ping-pong.mkw");
        Scenario base = ScenarioRunner.load(pingPong, ctx);
        Map<String, Long> figures = new java.util.LinkedHashMap<>();
        for (Reference r : REFERENCES) figures.put(r.preset(), measure(base, r.preset()));
        List<FidelitySensitivity.Row> rows = a.flag("sensitivity") ? FidelitySensitivity.rows(base, REFERENCES) : null;
        if (a.flag("json")) {
            ctx.out().print(json(figures, rows));
            return 0;
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-12s %9s %9s %10s  %s%n", "preset", "MKW", "published", "deviation", "published figure and source"));
        for (Reference r : REFERENCES) {
            long mkw = figures.get(r.preset());
            double dev = 100.0 * (mkw - r.cycles()) / r.cycles();
            b.append(String.format("%-12s %9d %9d %+9.1f%%  %s (%s)%n", r.preset(), mkw, r.cycles(), dev, r.what(), r.source()));
        }
        b.append("MKW: mean cycles of ipc.fastpath (kernel entry to exit) in examples/scenarios/ping-pong.mkw on the preset.\n");
        if (rows != null) b.append(FidelitySensitivity.table(rows, REFERENCES, figures));
        ctx.out().print(b);
        return 0;
    }

    /** The figures (and the sensitivity rows, if asked for) as one JSON object. */
    private static String json(Map<String, Long> figures, List<FidelitySensitivity.Row> rows) {
        StringBuilder b = new StringBuilder("{\"figures\":[");
        String sep = "";
        for (Reference r : REFERENCES) {
            b.append(sep).append("{\"preset\":\"").append(r.preset()).append("\",\"mkw\":").append(figures.get(r.preset()))
                    .append(",\"published\":").append(r.cycles()).append(",\"what\":\"").append(r.what()).append("\",\"source\":\"").append(r.source()).append("\"}");
            sep = ",";
        }
        b.append("]");
        if (rows != null) b.append(",\"sensitivity\":").append(FidelitySensitivity.json(rows, figures).trim());
        return b.append("}\n").toString();
    }

    /** MKW's figure on {@code preset}: the mean of the fast path's executions. */
    public static long measure(Scenario base, String preset) throws CliException {
        Scenario s = base.machine().preset().equals(preset) ? base : ScenarioRunner.with(base, Map.of("machine.preset", preset));
        // The published figures are of unicore kernel builds: the reference runs on one processor.
        s = ScenarioRunner.with(s, Map.of("machine.cpus", "1"));
        RunReport report = ScenarioRunner.run(s);
        KernelPathStats fast = report.kernelPaths().get("ipc.fastpath");
        if (fast == null || fast.count() == 0) throw new CliException("the reference scenario took no fast-path IPC on " + preset);
        return Math.round((double) fast.total() / fast.count());
    }
}
