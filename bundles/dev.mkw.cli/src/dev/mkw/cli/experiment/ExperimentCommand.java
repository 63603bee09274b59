package dev.mkw.cli.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.Command;
import dev.mkw.cli.ExitCode;
import dev.mkw.cli.sweep.SweepEngine;
import dev.mkw.cli.sweep.SweepEngines;

/**
 * {@code mkw experiment}: claims of the literature checked by runs. An experiment is a
 * directory ({@link ExperimentFile}); the command runs its sweep on a sweep engine, checks
 * every claim, and writes the report ({@link ExperimentReport}). {@code --all} runs every
 * experiment of a folder and prints (or puts into README) the table of claims and verdicts.
 */
public final class ExperimentCommand implements Command {
    /** The markers of the README's generated table. */
    static final String BEGIN = "<!-- experiments:begin (./mkw experiment --all --readme README.md) -->", END = "<!-- experiments:end -->";

    private static final Set<String> VALUED = valued();

    private static Set<String> valued() {
        Set<String> v = new HashSet<>(Set.of("out", "engine", "jobs", "readme"));
        v.addAll(SweepEngines.CLUSTER_OPTIONS);
        return Set.copyOf(v);
    }

    @Override public String name() { return "experiment"; }

    @Override public String summary() { return "check claims of the literature by runs; a report with plots and verdicts (mkw experiment list)"; }

    @Override public String help() {
        return "Usage: mkw experiment list [FOLDER]\n"
                + "       mkw experiment (DIR | ID) [--out DIR] [--reduced] [--strict] [--engine local [--jobs N] | --engine spark --master URL]\n"
                + "       mkw experiment --all [FOLDER] [--out DIR] [--readme README.md] [--reduced] [--strict] [engine options]\n\n"
                + "An experiment is a directory with " + ExperimentFile.NAME + " (the scenario, the sweep, the claims with their\n"
                + "published figures, sources and tolerances) and its scenario files; ID names one of examples/experiments.\n"
                + "Runs the sweep (in parallel: --jobs N host threads, or Spark tasks with --engine spark), checks every\n"
                + "claim (direction and size, with its tolerance) and writes report.md, report.html, plot.png, plot.svg and\n"
                + "results.csv to --out (default: experiment-reports/ID). Progress goes to stderr.\n\n"
                + "  --reduced        the experiment's reduced settings (fewer rounds): what the test suite runs\n"
                + "  --strict         exit 1 unless every claim is reproduced in direction and size\n"
                + "  --all [FOLDER]   every experiment of FOLDER (default examples/experiments); prints the claims table\n"
                + "  --readme FILE    with --all: put the table into FILE between " + BEGIN + " and " + END + "\n\n"
                + "Verdicts: reproduced (direction and size within tolerance) | direction reproduced, size not | not reproduced.\n"
                + "Exit codes: 0 done (verdicts in the report), 1 a run failed (or --strict and a claim missed), 2 bad input.\n";
    }

    @Override
    public int run(List<String> argv, CliContext ctx) throws CliException {
        Args a = Args.parse(name(), argv, VALUED, Set.of("strict", "reduced", "all"));
        Path folder = ctx.home().resolve("examples").resolve("experiments");
        if (!a.positionals().isEmpty() && a.positionals().get(0).equals("list")) {
            if (a.positionals().size() > 1) folder = ctx.resolve(a.positionals().get(1));
            for (ExperimentSpec s : all(folder)) ctx.out().printf("%-16s %s (%d claim%s)%n", s.id(), s.title(), s.claims().size(), s.claims().size() == 1 ? "" : "s");
            return 0;
        }
        SweepEngine engine = SweepEngines.find(a.value("engine", SweepEngines.DEFAULT));
        engine.check(a);
        List<ExperimentSpec> specs;
        if (a.flag("all")) {
            if (a.positionals().size() > 1) throw new CliException("mkw experiment --all takes at most one folder");
            if (!a.positionals().isEmpty()) folder = ctx.resolve(a.positionals().get(0));
            specs = all(folder);
        } else {
            if (a.has("readme")) throw new CliException("--readme goes with --all");
            specs = List.of(ExperimentFile.read(locate(a.onePositional("an experiment directory or id (mkw experiment list)"), ctx)));
        }
        Path out = a.has("out") ? ctx.resolve(a.value("out", "")) : ctx.resolve("experiment-reports");
        List<ExperimentReport> reports = new ArrayList<>();
        boolean failedRuns = false, missed = false;
        // The engine reads its own options; --out is the report's folder here, not a sweep's CSV (nor its Parquet beside it).
        Args engineArgs = Args.parse(name(), withoutOut(argv), VALUED, Set.of("strict", "reduced", "all"));
        for (ExperimentSpec s : specs) {
            String missing = s.missing();
            if (missing != null) {
                // A plugin's experiment where the plugin is not installed: --all goes on without it, alone it is refused.
                if (!a.flag("all")) throw new CliException("mkw experiment " + s.id() + ": " + missing, ExitCode.BAD_INPUT);
                ctx.out().println(s.id() + ": " + s.title() + " — not run: " + missing);
                continue;
            }
            ExperimentResult result = ExperimentRunner.run(s, a.flag("reduced"), engine, engineArgs, ctx, new RunsProgress(ctx.err(), s.id()));
            if (!result.failures().isEmpty()) {
                failedRuns = true;
                for (String f : result.failures()) ctx.err().println("mkw experiment " + s.id() + ": " + f);
            }
            ExperimentReport report = ExperimentReport.of(result);
            Path dir = out.resolve(s.id());
            report.write(dir);
            reports.add(report);
            ctx.out().println(s.id() + ": " + s.title() + " — report in " + dir.resolve("report.html"));
            for (String line : report.summary()) ctx.out().println("  " + line);
            missed |= report.verdicts().stream().anyMatch(v -> v.verdict() != ClaimVerdict.Verdict.REPRODUCED);
        }
        if (a.flag("all")) {
            String table = ClaimsTable.markdown(reports);
            if (a.has("readme")) {
                Path readme = ctx.resolve(a.value("readme", ""));
                ClaimsTable.replaceIn(readme, table, BEGIN, END);
                ctx.out().println("wrote the claims table into " + readme);
            } else {
                ctx.out().print("\n" + table);
            }
        }
        if (failedRuns) return ExitCode.RUN_FAILED.code();
        return missed && a.flag("strict") ? 1 : 0;
    }

    private static List<String> withoutOut(List<String> argv) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).equals("--out")) i++;
            else if (!argv.get(i).startsWith("--out=")) rest.add(argv.get(i));
        }
        return rest;
    }

    /** A directory, or the id of an example experiment. */
    private static Path locate(String arg, CliContext ctx) throws CliException {
        Path p = ctx.resolve(arg);
        if (Files.isDirectory(p)) return p;
        Path ex = ctx.home().resolve("examples").resolve("experiments").resolve(arg);
        if (Files.isDirectory(ex)) return ex;
        throw new CliException("no experiment '" + arg + "' (looked at " + p + " and " + ex + "); 'mkw experiment list' shows the examples");
    }

    /** Every experiment directory directly under {@code folder}, by name. */
    static List<ExperimentSpec> all(Path folder) throws CliException {
        List<ExperimentSpec> specs = new ArrayList<>();
        try (var dirs = Files.list(folder)) {
            for (Path d : dirs.sorted().toList()) if (ExperimentFile.isExperiment(d)) specs.add(ExperimentFile.read(d));
        } catch (IOException e) {
            throw new CliException("cannot list the experiments in " + folder + ": " + e.getMessage());
        }
        if (specs.isEmpty()) throw new CliException("no experiments in " + folder + " (an experiment is a directory with " + ExperimentFile.NAME + ")");
        return specs;
    }
}
