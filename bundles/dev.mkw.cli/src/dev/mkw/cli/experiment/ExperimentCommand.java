package dev.mkw.cli.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.Command;
import dev.mkw.cli.ScenarioRunner;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.export.BarChart;
import dev.mkw.sim.report.RunReport;

/**
 * {@code mkw experiment}: a claim of the literature checked in one command. Runs the claim's
 * scenario once per value of the varied setting, prints the figure for each with a bar, and
 * says whether the runs bear the claim out; {@code --svg} writes the chart.
 */
public final class ExperimentCommand implements Command {

    @Override public String name() { return "experiment"; }

    @Override public String summary() { return "check a claim of the literature by runs (mkw experiment list)"; }

    @Override public String help() {
        StringBuilder b = new StringBuilder("Usage: mkw experiment list\n       mkw experiment ID [--svg FILE] [--strict]\n\n"
                + "Runs the experiment's scenario once per value of the setting it varies, prints the measured\n"
                + "figure for each and whether the runs bear the claim out (reproduced / not reproduced).\n\n"
                + "  --svg FILE  also write the figures as an SVG bar chart\n"
                + "  --strict    exit 1 when the claim is not reproduced (for CI)\n\nExperiments:\n");
        for (Experiment e : Experiments.BUILT_IN) b.append(String.format("  %-12s %s%n", e.id(), e.claim()));
        return b.toString();
    }

    @Override
    public int run(List<String> argv, CliContext ctx) throws CliException {
        Args a = Args.parse(name(), argv, Set.of("svg"), Set.of("strict"));
        if (a.positionals().size() != 1) throw new CliException("mkw experiment takes one experiment id, or 'list'; see mkw experiment --help");
        String id = a.positionals().get(0);
        if (id.equals("list")) {
            for (Experiment e : Experiments.BUILT_IN) ctx.out().printf("%-12s %s%n             (%s)%n", e.id(), e.claim(), e.source());
            return 0;
        }
        Experiment e = Experiments.byId(id);
        if (e == null) {
            throw new CliException("unknown experiment '" + id + "'; known: " + String.join(", ", Experiments.BUILT_IN.stream().map(Experiment::id).toList()));
        }
        Scenario base = ScenarioRunner.with(ScenarioRunner.load(ctx.examples().resolve(e.scenario()), ctx), e.settings());
        List<Long> figures = new ArrayList<>();
        for (String v : e.values()) {
            RunReport r = ScenarioRunner.run(ScenarioRunner.with(base, List.of(e.key() + "=" + v)));
            if (r.failed()) throw new CliException("experiment " + id + ": the run with " + e.key() + "=" + v + " failed: " + String.join("; ", r.errorLines()));
            figures.add(e.measure().applyAsLong(r));
        }
        boolean ok = e.reproduced(figures);
        ctx.out().print(table(e, figures, ok));
        if (a.value("svg", null) != null) writeSvg(e, figures, Path.of(a.value("svg", null)));
        return !ok && a.flag("strict") ? 1 : 0;
    }

    private static String table(Experiment e, List<Long> figures, boolean ok) {
        StringBuilder b = new StringBuilder();
        b.append("claim:    ").append(e.claim()).append('\n');
        b.append("source:   ").append(e.source()).append('\n');
        b.append("runs:     examples/scenarios/").append(e.scenario());
        for (String s : e.settings()) b.append(" --set ").append(s);
        b.append(", varying ").append(e.key()).append("\n\n");
        long max = 1;
        for (long f : figures) max = Math.max(max, f);
        for (int i = 0; i < figures.size(); i++) {
            int bar = (int) Math.round(40.0 * figures.get(i) / max);
            b.append(String.format("  %-20s %12d %-10s %s%n", e.values().get(i), figures.get(i), e.unit(), "#".repeat(bar)));
        }
        b.append('\n').append(ok ? "reproduced" : "NOT reproduced").append(": ").append(e.metric()).append(" with ").append(e.key()).append('=')
                .append(e.values().get(e.values().size() - 1)).append(ok ? " is " : " is not ").append(e.lower() ? "lower" : "higher")
                .append(" than with ").append(e.values().get(0)).append('\n');
        return b.toString();
    }

    private static void writeSvg(Experiment e, List<Long> figures, Path file) throws CliException {
        List<BarChart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) bars.add(new BarChart.Bar(e.key() + "=" + e.values().get(i), figures.get(i), figures.get(i) + " " + e.unit()));
        try {
            Files.writeString(file, BarChart.svg(e.metric() + " — " + e.id(), e.metric(), bars));
        } catch (IOException x) {
            throw new CliException("cannot write " + file + ": " + x.getMessage());
        }
    }
}
