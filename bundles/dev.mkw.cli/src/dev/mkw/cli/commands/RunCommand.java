package dev.mkw.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.Command;
import dev.mkw.cli.HostLimits;
import dev.mkw.cli.ProgressBar;
import dev.mkw.cli.ScenarioRunner;
import dev.mkw.run.RunPipeline;
import dev.mkw.run.VariantSettings;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.analysis.Analyses;
import dev.mkw.sim.export.Exporters;
import dev.mkw.sim.export.TextReportExporter;
import dev.mkw.sim.report.RunReport;

/** {@code mkw run FILE.mkw}: the main job. */
public final class RunCommand implements Command {
    private static final Set<String> VALUED = Set.of("seed", "until", "until-cycles", "time-limit", "preset", "set", "trace", "perfetto", "stats", "report", "analysis", "export", "html");
    private static final Set<String> FLAGS = Set.of("quiet", "list", "progress");

    /** Trace events an {@code --html} run records when the scenario records none. */
    static final int HTML_TRACE_RING = 100_000;

    @Override public String name() { return "run"; }

    @Override public String summary() { return "run a scenario and print where the cycles went"; }

    @Override public String help() {
        StringBuilder b = new StringBuilder();
        b.append("Usage: mkw run (FILE.mkw | EXAMPLE) [options]\n\n");
        b.append("Runs the scenario on its machine and prints the report: cycles per kernel path and thread,\n");
        b.append("IPC latency, cache/TLB counters, errors. EXAMPLE is a name from examples/scenarios (mkw run --list).\n\n");
        b.append("Options:\n");
        b.append("  --seed N              random seed (default: the scenario's, else 42)\n");
        b.append("  --until N             stop after N cycles (10k, 2M accepted; also --until-cycles)\n");
        b.append("  --time-limit D        host time the run may take (90s, 10m, 1h; 0: no limit; default "
                + HostLimits.format(HostLimits.DEFAULT_TIME_LIMIT) + "); past it the run is stopped, exit code 1\n");
        b.append("  --preset ID           run on another machine preset (mkw presets)\n");
        b.append("  --set KEY=VALUE       override a variant; repeatable. Keys:\n");
        VariantSettings.KEYS.forEach((k, v) -> b.append(String.format("                          %-20s %s%n", k, v)));
        b.append(String.format("                          %-20s %s%n", "machine.FIELD", VariantSettings.MACHINE_FIELD_HELP));
        b.append(String.format("                          %-20s %s%n", "param.NAME", VariantSettings.PARAM_HELP));
        b.append("  --trace FILE          write a Chrome/Perfetto trace (open in ui.perfetto.dev; also --perfetto FILE)\n");
        b.append("  --trace off|on|ring:N how to record the trace (default off, on when a trace file is asked for)\n");
        b.append("  --stats FILE          write per-path and per-thread statistics as CSV\n");
        b.append("  --report json|text    print the report as one JSON object, or as tables (the default)\n");
        b.append("  --report FILE         write the machine-readable JSON run report to a file\n");
        b.append("  --html FILE           write the report with its charts as one self-contained HTML page\n");
        b.append("                        (records a trace ring of " + HTML_TRACE_RING + " events for the timeline if tracing is off)\n");
        b.append("  --progress            show a progress bar on stderr\n");
        b.append("  --export ID=FILE      write with any exporter, built in or from a plugin\n");
        b.append("  --analysis ID         print an analysis; repeatable (ipc-latency, kernel-paths, cache-tlb, irq-latency, plugins')\n");
        b.append("  --quiet               print nothing but errors\n");
        b.append("\nExit codes: 0 the run finished (all threads done, or its cycle limit); 1 it did not: a run-time error of the\n");
        b.append("scenario's program (printed with thread, cycle and FILE:LINE:COL), the time limit, or out of host memory\n");
        b.append("(raise the heap with MKW_JAVA_OPTS=-Xmx8g); 2 bad input (a malformed scenario, a bad option), nothing run;\n");
        b.append("3 a bug in MKW: its log is kept and the path printed.\n");
        return b.toString();
    }

    @Override
    public int run(List<String> argv, CliContext ctx) throws CliException {
        Args a = Args.parse(name(), argv, VALUED, FLAGS);
        if (a.flag("list")) return list(ctx);
        Path file = ctx.scenario(a.onePositional("a scenario file or example name"));
        // Parameters are numbers of the text, given to the loader; the other settings apply to the loaded scenario.
        Scenario s = ScenarioRunner.load(file, ctx, VariantSettings.params(a.values("set")));
        s = ScenarioRunner.with(s, VariantSettings.withoutParams(a.values("set")));
        if (a.has("seed")) s = s.withRun(s.run().withSeed(a.longValue("seed", 42)));
        if (a.has("until-cycles")) s = s.withRun(s.run().withUntilCycles(a.longValue("until-cycles", 0)));
        if (a.has("until")) s = s.withRun(s.run().withUntilCycles(a.longValue("until", 0)));
        if (a.has("preset")) s = ScenarioRunner.with(s, java.util.Map.of("machine.preset", a.value("preset", "")));
        s = s.withRun(trace(s.run(), a));
        Duration limit = a.has("time-limit") ? HostLimits.parseDuration("--time-limit", a.value("time-limit", "")) : HostLimits.DEFAULT_TIME_LIMIT;
        RunReport r = ScenarioRunner.run(s, a.flag("progress") ? new ProgressBar(ctx.err(), s.run().untilCycles()) : null, limit);
        String report = a.value("report", null);
        boolean jsonToStdout = "json".equals(report);
        if (jsonToStdout && !a.flag("quiet")) {
            try {
                RunPipeline.exporters().get("json").write(r, ctx.out());
                ctx.out().println();
            } catch (IOException e) {
                throw new CliException("cannot write the report: " + e.getMessage());
            }
        } else if (!a.flag("quiet")) {
            ctx.out().print(TextReportExporter.render(r));
            Analyses analyses = a.values("analysis").isEmpty() ? null : Analyses.discover();
            for (String id : a.values("analysis")) {
                Analyses.Outcome o = Analyses.run(analyses.find(id).orElseThrow(() -> new CliException("no analysis '" + id
                        + "'; known: " + String.join(", ", analyses.all().stream().map(x -> x.id()).toList()))), r);
                if (o.failed()) ctx.err().println("mkw run: " + o.failure());
                else ctx.out().print("\n" + o.result().toText());
            }
        }
        Exporters exporters = RunPipeline.exporters();
        try {
            if (a.has("perfetto")) exporters.get("perfetto").write(r, ctx.resolve(a.value("perfetto", "")));
            if (traceFile(a) != null) exporters.get("perfetto").write(r, ctx.resolve(traceFile(a)));
            if (a.has("stats")) exporters.get("csv").write(r, ctx.resolve(a.value("stats", "")));
            if (report != null && !report.equals("json") && !report.equals("text")) exporters.get("json").write(r, ctx.resolve(report));
            if (a.has("html")) exporters.get("html").write(r, ctx.resolve(a.value("html", "")));
            for (String e : a.values("export")) {
                int eq = e.indexOf('=');
                if (eq <= 0) throw new CliException("--export takes ID=FILE, got '" + e + "'");
                exporters.get(e.substring(0, eq)).write(r, ctx.resolve(e.substring(eq + 1)));
            }
        } catch (IOException e) {
            throw new CliException("cannot write output: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        if (r.failed()) {
            for (String line : r.errorLines()) ctx.err().println(line);
            return 1;
        }
        return 0;
    }

    /** {@code --trace FILE}: the value is a file unless it names a recording mode. */
    private static String traceFile(Args a) {
        String t = a.value("trace", null);
        return t == null || t.equals("off") || t.equals("on") || t.startsWith("ring:") ? null : t;
    }

    private static RunSpec trace(RunSpec run, Args a) throws CliException {
        String t = a.value("trace", null);
        // The HTML report draws a timeline excerpt: a ring is enough and costs little.
        if (t == null && a.has("html") && !a.has("perfetto") && run.trace() == RunSpec.Trace.OFF) return run.withTrace(RunSpec.Trace.RING, HTML_TRACE_RING);
        boolean wantsFile = a.has("perfetto") || traceFile(a) != null;
        if (t == null || traceFile(a) != null) return wantsFile && run.trace() == RunSpec.Trace.OFF ? run.withTrace(RunSpec.Trace.ON, 0) : run;
        if (t.equals("off")) return run.withTrace(RunSpec.Trace.OFF, 0);
        if (t.equals("on")) return run.withTrace(RunSpec.Trace.ON, 0);
        if (t.startsWith("ring:")) return run.withTrace(RunSpec.Trace.RING, (int) Args.parseCountPublic("--trace ring", t.substring(5)));
        throw new CliException("--trace takes off, on or ring:N, got '" + t + "'");
    }

    private static int list(CliContext ctx) throws CliException {
        try (Stream<Path> files = Files.list(ctx.examples())) {
            files.filter(p -> p.toString().endsWith(".mkw")).sorted()
                    .forEach(p -> ctx.out().println(p.getFileName().toString().replace(".mkw", "")));
        } catch (IOException e) {
            throw new CliException("no examples folder at " + ctx.examples());
        }
        return 0;
    }
}
