package dev.mkw.cli.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.mkw.cli.CliException;
import dev.mkw.cli.ScenarioRunner;
import dev.mkw.hw.model.Cost;
import dev.mkw.hw.model.EntryMechanism;
import dev.mkw.hw.model.Machine;
import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.abi.Abi;
import dev.mkw.scenario.MachineSpec;
import dev.mkw.scenario.Scenario;

/**
 * {@code mkw fidelity --sensitivity}: how each constant the cost model marks as an estimate
 * moves each published figure's MKW value. Every estimate is set to 50 % and 150 % of its
 * value, one at a time, and the reference scenario is run again on each preset: a figure that
 * moves much with an estimate is only as good as that estimate. The estimates are those the
 * presets mark {@code estimated} (their costs, the entry mechanism the kernel uses, a pipeline
 * from a secondary source: its issue width and load-to-use latency) and the
 * kernel's path lengths (docs/cost-model.md). The IPC paths are counted in real kernels
 * (Pistachio, seL4, Fiasco), not estimated, and so are the ARM kernels' per-word copy and
 * Fiasco's kernel-object invocation (the L4Re syscall rows' notify): they are not varied.
 */
final class FidelitySensitivity {
    private FidelitySensitivity() {}

    /** The factors every estimate is set to. */
    static final double LOW = 0.5, HIGH = 1.5;

    /**
     * One estimated constant and what it does to each preset's figure.
     *
     * @param name    how docs/cost-model.md and the preset name it ({@code costs.REGISTER_SAVE.cycles}, {@code PathLengths.SWITCH})
     * @param moved   reference row ({@link FidelityCommand.Reference#label}) → {MKW figure at 50 %, at 150 %}; absent where
     *                the constant is not an estimate of that row's preset
     */
    record Row(String name, Map<String, long[]> moved) {}

    /** The blocks whose instruction counts are estimates (PathLengths), by the constant's name. */
    private static final Map<String, KernelCode> PATH_LENGTHS = pathLengths();

    private static Map<String, KernelCode> pathLengths() {
        Map<String, KernelCode> m = new LinkedHashMap<>();
        m.put("PathLengths.IPC_SLOWPATH", KernelCode.IPC_SLOWPATH);
        m.put("PathLengths.NOTIFY", KernelCode.NOTIFY);
        m.put("PathLengths.PER_WORD", KernelCode.COPY_WORD);
        m.put("PathLengths.PAGEFAULT", KernelCode.PAGEFAULT);
        m.put("PathLengths.MAP_PAGE", KernelCode.MAP_PAGE);
        m.put("PathLengths.SCHEDULE", KernelCode.SCHEDULE);
        m.put("PathLengths.IRQ", KernelCode.IRQ);
        m.put("PathLengths.SWITCH", KernelCode.SWITCH);
        m.put("PathLengths.QUEUE_LINK", KernelCode.QUEUE_LINK);
        m.put("PathLengths.INTERRUPT_FLAG", KernelCode.INTERRUPT_FLAG);
        return m;
    }

    /** Run every estimate at both factors on every reference row, one estimate at a time. */
    static List<Row> rows(Map<FidelityCommand.Figure, Scenario> scenarios, List<FidelityCommand.Reference> references) throws CliException {
        Map<String, Map<String, long[]>> byName = new LinkedHashMap<>();
        for (FidelityCommand.Reference r : references) {
            Machine m = MachinePresets.get().model(r.preset());
            // One processor, as the published figures were measured (unicore kernel builds).
            Scenario s = scenarios.get(r.figure()).withMachine(new MachineSpec(r.preset(), Map.of("cpus", "1")));
            for (Map.Entry<String, Long> e : machineEstimates(m).entrySet()) {
                long lo = FidelityCommand.measure(s.withMachine(new MachineSpec(r.preset(), Map.of("cpus", "1", e.getKey(), Long.toString(scaled(e.getValue(), LOW))))), r);
                long hi = FidelityCommand.measure(s.withMachine(new MachineSpec(r.preset(), Map.of("cpus", "1", e.getKey(), Long.toString(scaled(e.getValue(), HIGH))))), r);
                byName.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(r.label(), new long[] {lo, hi});
            }
            // The blocks the row's kernel has counted (seL4's copy loop, Fiasco's memcpy and object invocation) are not estimates there.
            Abi abi = Abi.of(m.getIsa(), ScenarioRunner.with(s, r.settings()).kernel().path());
            for (Map.Entry<String, KernelCode> e : PATH_LENGTHS.entrySet()) {
                if (e.getValue() == KernelCode.COPY_WORD && abi.fastPathCall().perWord() > 0) continue;
                if (e.getValue() == KernelCode.NOTIFY && abi.invocation() != null) continue;
                KernelConfig k = s.kernel();
                long lo = FidelityCommand.measure(s.withKernel(k.withPathLengthScale(e.getValue(), LOW)), r);
                long hi = FidelityCommand.measure(s.withKernel(k.withPathLengthScale(e.getValue(), HIGH)), r);
                byName.computeIfAbsent(e.getKey(), x -> new LinkedHashMap<>()).put(r.label(), new long[] {lo, hi});
            }
        }
        List<Row> rows = new ArrayList<>();
        byName.forEach((n, moved) -> rows.add(new Row(n, moved)));
        return rows;
    }

    /** The machine override path and value of every cost the preset marks as an estimate, with the entry mechanism in use and an estimated pipeline's width and load-to-use latency. */
    static Map<String, Long> machineEstimates(Machine m) {
        Map<String, Long> est = new LinkedHashMap<>();
        for (EntryMechanism e : m.getEntryMechanisms()) {
            if (!e.isEstimated() || !e.getName().equals(m.getEntryMechanism())) continue;
            est.put("entryMechanisms." + e.getName() + ".entryCycles", e.getEntryCycles());
            est.put("entryMechanisms." + e.getName() + ".exitCycles", e.getExitCycles());
        }
        for (Cost c : m.getCosts()) if (c.isEstimated() && c.getCycles() > 0) est.put("costs." + c.getKind() + ".cycles", c.getCycles());
        // A pipeline read from a secondary source: its width and its load-to-use latency decide most of a schedule.
        if (m.getPipeline() != null && m.getPipeline().isEstimated()) {
            est.put("pipeline.issueWidth", (long) m.getPipeline().getIssueWidth());
            est.put("pipeline.loadToUse", (long) m.getPipeline().getLoadToUse());
        }
        return est;
    }

    private static long scaled(long v, double f) {
        return Math.max(0, Math.round(v * f));
    }

    /** The table: one row per estimate, per preset the figure at 50 % and 150 % and its move from the baseline. */
    static String table(List<Row> rows, List<FidelityCommand.Reference> references, Map<String, Long> baseline) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%nSensitivity: MKW's figure with each estimated constant at 50 %% / 150 %% of its value%n"));
        b.append(String.format(Locale.ROOT, "%-44s", "estimate"));
        for (FidelityCommand.Reference r : references) b.append(String.format(Locale.ROOT, " %22s", r.preset() + "/" + r.figure().word()));
        b.append('\n');
        b.append(String.format(Locale.ROOT, "%-44s", "(figure as it is)"));
        for (FidelityCommand.Reference r : references) b.append(String.format(Locale.ROOT, " %22d", baseline.get(r.label())));
        b.append('\n');
        List<String> still = new ArrayList<>();
        for (Row row : rows) {
            boolean moves = false;
            for (var e : row.moved().entrySet()) moves |= e.getValue()[0] != baseline.get(e.getKey()) || e.getValue()[1] != baseline.get(e.getKey());
            if (!moves) {
                still.add(row.name());
                continue;
            }
            b.append(String.format(Locale.ROOT, "%-44s", row.name()));
            for (FidelityCommand.Reference r : references) {
                long[] v = row.moved().get(r.label());
                long base = baseline.get(r.label());
                b.append(String.format(Locale.ROOT, " %22s", v == null ? "-" : String.format(Locale.ROOT, "%d..%d (%+d/%+d)", v[0], v[1], v[0] - base, v[1] - base)));
            }
            b.append('\n');
        }
        b.append("-: not an estimate on that row's preset. Estimates that move no figure: ").append(still.isEmpty() ? "none" : String.join(", ", still)).append('\n');
        return b.toString();
    }

    /** The same as JSON: {"baseline": {row: n}, "estimates": {name: {row: {"low": n, "high": n}}}}, a row named "preset figure". */
    static String json(List<Row> rows, Map<String, Long> baseline) {
        StringBuilder b = new StringBuilder("{\"factors\":[" + LOW + "," + HIGH + "],\"baseline\":{");
        String sep = "";
        for (var e : baseline.entrySet()) {
            b.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
            sep = ",";
        }
        b.append("},\"estimates\":{");
        sep = "";
        for (Row row : rows) {
            b.append(sep).append('"').append(row.name()).append("\":{");
            String s2 = "";
            for (var e : row.moved().entrySet()) {
                b.append(s2).append('"').append(e.getKey()).append("\":{\"low\":").append(e.getValue()[0]).append(",\"high\":").append(e.getValue()[1]).append('}');
                s2 = ",";
            }
            b.append('}');
            sep = ",";
        }
        return b.append("}}\n").toString();
    }

}
