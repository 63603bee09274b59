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
 * {@code mkw fidelity}: MKW's figure on every preset that has a published one, beside that
 * figure, its source and the deviation. Two kinds of figure:
 * <ul>
 * <li>{@code ipc}: the ping-pong example (a call and a reply-and-wait between two address
 * spaces, two words each way); MKW's figure is the mean cycles of the IPC fast path from kernel
 * entry to exit;</li>
 * <li>{@code syscall}: the null-syscall example (a thread sets a notification bit of its own,
 * no one waits); MKW's figure is the mean cycles of its {@code notify} path, entry to exit. It
 * checks the entry and exit costs apart from the IPC path.</li>
 * <li>{@code biglock}: what a multiprocessor kernel's big lock adds to a same-core IPC: the
 * ping-pong's fast path on the preset's four processors (both threads on processor 0, the
 * others idle) minus the same on one processor. No published latency of a cross-core IPC was
 * found for an L4-family kernel (sel4bench's smp benchmark measures per-core throughput), so
 * this is the multiprocessor figure the model is checked against.</li>
 * </ul>
 * Nothing in the model is fitted to these numbers: a deviation says where the model is still
 * wrong (README, "Fidelity", says which part for each row outside 10 %).
 */
public final class FidelityCommand implements Command {

    /** What a figure measures: the scenario MKW runs and the kernel path whose mean it reports. */
    public enum Figure {
        IPC("ping-pong.mkw", "ipc.fastpath", "server.pong"), SYSCALL("null-syscall.mkw", "notify", "bench.caller"),
        BIGLOCK("ping-pong.mkw", "ipc.fastpath", "server.pong");

        /** The reference scenario, the kernel path measured, the thread whose user code between two traps is measured. */
        final String scenario, path, thread;

        Figure(String scenario, String path, String thread) {
            this.scenario = scenario;
            this.path = path;
            this.thread = thread;
        }

        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }

        /** The reference scenario's file name in examples/scenarios; the kernel path measured; the answering thread. */
        public String scenario() { return scenario; }

        public String path() { return path; }

        public String thread() { return thread; }
    }

    /**
     * A published figure on the machine a preset models, and the settings MKW runs it with: the
     * kernel whose code was measured ({@code kernel.path=fiasco} for L4Re's figures).
     */
    public record Reference(String preset, Figure figure, long cycles, String what, String source, Map<String, String> settings) {
        public Reference(String preset, Figure figure, long cycles, String what, String source) {
            this(preset, figure, cycles, what, source, Map.of());
        }

        /** The row's name: preset and figure ({@code cortex_a53 syscall}). */
        public String label() { return preset + " " + figure.word(); }
    }

    /** L4Re's figures are the Fiasco kernel's: MKW runs its counted IPC path and object invocation (dev.mkw.kernel.abi.CountedPath). */
    private static final Map<String, String> FIASCO = Map.of("kernel.path", "fiasco");

    /** The published figures MKW is checked against (more are kept back to check that the model generalises). */
    public static final List<Reference> REFERENCES = List.of(
            new Reference("i486_50", Figure.IPC, 260, "L3 short IPC, one way (5.2 us at 50 MHz)", "Liedtke, Improving IPC by Kernel Design, SOSP 1993"),
            new Reference("cortex_a9", Figure.IPC, 316, "seL4 IPC, one way, hot cache, inter address space (i.MX6, 1 GHz)",
                    "Elphinstone and Heiser, From L3 to seL4, SOSP 2013; trustworthy.systems comparative performance table"),
            new Reference("x86_64_pcid", Figure.IPC, 375, "seL4 IPC call, one way (Skylake)", "sel4bench, seL4 performance page (Skylake)"),
            new Reference("cortex_a53", Figure.IPC, 691, "L4Re inter-address-space IPC (Fiasco kernel, NXP S32G2, EL1)", "l4re.org Performance Overview", FIASCO),
            new Reference("cortex_a53", Figure.SYSCALL, 230, "L4Re system call (Fiasco kernel, NXP S32G2, EL1)", "l4re.org Performance Overview", FIASCO),
            new Reference("cortex_a76", Figure.IPC, 384, "L4Re inter-address-space IPC (Fiasco kernel, Raspberry Pi 5, EL1)", "l4re.org Performance Overview", FIASCO),
            new Reference("cortex_a76", Figure.SYSCALL, 138, "L4Re system call (Fiasco kernel, Raspberry Pi 5, EL1)", "l4re.org Performance Overview", FIASCO),
            new Reference("cortex_a9", Figure.BIGLOCK, 124, "seL4's big kernel lock added to a same-core IPC (4-core i.MX6Q; second-hand, the paper itself not read)",
                    "Peters, Danis, Elphinstone, Heiser, For a Microkernel, a Big Lock Is Fine, APSys 2015, as summarised in secondary notes"));

    @Override public String name() { return "fidelity"; }

    @Override public String summary() { return "MKW's IPC and system-call figures on each preset beside the published ones"; }

    @Override public String help() {
        return "Usage: mkw fidelity [--sensitivity] [--json]\n\n"
                + "Runs the ping-pong example (IPC) and the null-syscall example (system call) on every\n"
                + "preset with a published figure and prints MKW's mean path cycles beside it, with the\n"
                + "source and the deviation.\n\n"
                + "  --sensitivity  also set each constant the cost model marks as an estimate to 50 % and\n"
                + "                 150 % of its value, one at a time, and show how each figure moves\n"
                + "  --json         print the figures (and the sensitivity) as JSON instead of tables\n";
    }

    @Override
    public int run(List<String> argv, CliContext ctx) throws CliException {
        Args a = Args.parse(name(), argv, Set.of(), Set.of("sensitivity", "json"));
        Map<Figure, Scenario> scenarios = scenarios(ctx);
        Map<String, Long> figures = new java.util.LinkedHashMap<>();
        for (Reference r : REFERENCES) figures.put(r.label(), measure(scenarios.get(r.figure()), r));
        List<FidelitySensitivity.Row> rows = a.flag("sensitivity") ? FidelitySensitivity.rows(scenarios, REFERENCES) : null;
        if (a.flag("json")) {
            ctx.out().print(json(figures, rows));
            return 0;
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-12s %-7s %9s %9s %10s  %s%n", "preset", "figure", "MKW", "published", "deviation", "published figure and source"));
        for (Reference r : REFERENCES) {
            long mkw = figures.get(r.label());
            double dev = 100.0 * (mkw - r.cycles()) / r.cycles();
            b.append(String.format("%-12s %-7s %9d %9d %+9.1f%%  %s (%s)%n", r.preset(), r.figure().word(), mkw, r.cycles(), dev, r.what(), r.source()));
        }
        b.append("MKW: one way from user level, as the published figures are measured: the mean cycles, kernel entry\n"
                + "to exit, of ipc.fastpath in examples/scenarios/ping-pong.mkw (ipc) and of notify in\n"
                + "examples/scenarios/null-syscall.mkw (syscall), plus the receiver's (the caller's) user cycles\n"
                + "from getting control back to its next trap; on the preset with one processor.\n"
                + "biglock: that ipc figure on the preset's 4 processors (smp-lock big) minus it on one.\n"
                + "L4Re rows run the Fiasco kernel's counted paths (kernel.path=fiasco); the others the default kernel's.\n");
        if (rows != null) b.append(FidelitySensitivity.table(rows, REFERENCES, figures));
        ctx.out().print(b);
        return 0;
    }

    /** The reference scenario of each kind of figure, from the examples. */
    static Map<Figure, Scenario> scenarios(CliContext ctx) throws CliException {
        Map<Figure, Scenario> m = new java.util.EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            Path file = ctx.examples().resolve(f.scenario);
            m.put(f, ScenarioRunner.load(file, ctx));
        }
        return m;
    }

    /** The figures (and the sensitivity rows, if asked for) as one JSON object. */
    private static String json(Map<String, Long> figures, List<FidelitySensitivity.Row> rows) {
        StringBuilder b = new StringBuilder("{\"figures\":[");
        String sep = "";
        for (Reference r : REFERENCES) {
            b.append(sep).append("{\"preset\":\"").append(r.preset()).append("\",\"figure\":\"").append(r.figure().word())
                    .append("\",\"mkw\":").append(figures.get(r.label()))
                    .append(",\"published\":").append(r.cycles()).append(",\"what\":\"").append(r.what()).append("\",\"source\":\"").append(r.source()).append("\"}");
            sep = ",";
        }
        b.append("]");
        if (rows != null) b.append(",\"sensitivity\":").append(FidelitySensitivity.json(rows, figures).trim());
        return b.append("}\n").toString();
    }

    /** MKW's figure for {@code r}: the mean of its path's executions in {@code base} run on r's preset. */
    public static long measure(Scenario base, Reference r) throws CliException {
        String preset = r.preset();
        Scenario s = base.machine().preset().equals(preset) ? base : ScenarioRunner.with(base, Map.of("machine.preset", preset));
        s = ScenarioRunner.with(s, r.settings());
        // The published figures are of unicore kernel builds: the reference runs on one processor.
        Scenario one = ScenarioRunner.with(s, Map.of("machine.cpus", "1"));
        if (r.figure() != Figure.BIGLOCK) return mean(one, r);
        Scenario four = ScenarioRunner.with(s, Map.of("machine.cpus", "4", "kernel.smp-lock", "big"));
        return mean(four, r) - mean(one, r);
    }

    /**
     * MKW's figure from a run of the reference scenario: the mean cycles of the figure's kernel
     * path, entry to exit, plus the user-level cycles of the figure's thread between
     * getting control back and its next trap. The published figures are measured from user
     * level (L3's ping-pong loop, sel4bench's timestamps in client and server, L4Re's
     * benchmark loop), so they include what happens in user mode after a return: the
     * system-call library reading the result and setting up the next call, the loop, and on a
     * machine whose address-space switch flushes the TLB, the receiver's refills of code and
     * stack translations. The kernel path alone would leave those out.
     */
    private static long mean(Scenario s, Reference r) throws CliException {
        RunReport report = ScenarioRunner.run(s);
        KernelPathStats path = report.kernelPaths().get(r.figure().path);
        if (path == null || path.count() == 0) throw new CliException("the reference scenario took no " + r.figure().path + " path on " + r.preset());
        double kernel = (double) path.total() / path.count();
        return Math.round(kernel + userBetweenTraps(report, r));
    }

    /**
     * The user-level cycles of the figure's thread from a return to its next trap. For IPC:
     * {@link dev.mkw.sim.sweep.OneWayFigure#userBetweenTraps} (shared with the sweep metric
     * {@code one-way:PATH@THREAD}, so an experiment's figure is this command's); for the null
     * system call, whose thread does nothing but call: its user cycles per call.
     */
    static double userBetweenTraps(RunReport report, Reference r) throws CliException {
        String t = r.figure().thread;
        if (r.figure() == Figure.SYSCALL) {
            var stats = report.threads().get(t);
            KernelPathStats path = report.kernelPaths().get(r.figure().path);
            if (stats == null) throw new CliException("the reference scenario has no thread " + t + " on " + r.preset());
            return (double) stats.userCycles() / path.count();
        }
        double gap = dev.mkw.sim.sweep.OneWayFigure.userBetweenTraps(report, t);
        if (Double.isNaN(gap)) throw new CliException("the reference scenario's thread " + t + " answered no message on " + r.preset());
        return gap;
    }
}
