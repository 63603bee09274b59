package dev.mkw.cli.experiment;

import java.util.List;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.ScenarioRunner;
import dev.mkw.cli.sweep.SweepEngine;
import dev.mkw.cli.sweep.SweepJob;

/**
 * Runs an experiment's sweep on a sweep engine ({@code --engine local}: host threads, in
 * parallel; {@code --engine spark}: Spark tasks), so an experiment's rows are exactly those
 * {@code mkw sweep} gives for the same settings, wherever they ran.
 */
final class ExperimentRunner {
    private ExperimentRunner() {}

    static ExperimentResult run(ExperimentSpec spec, boolean reduced, SweepEngine engine, Args args, CliContext ctx, SweepEngine.Progress progress)
            throws CliException {
        SweepJob job = SweepJob.of(spec.scenario(), ScenarioRunner.load(spec.scenario(), ctx), spec.sweepSpecs(reduced), List.of(spec.metric()));
        SweepEngine.Result r = engine.run(job, args, ctx, progress);
        for (String problem : r.problems()) ctx.err().println("mkw experiment " + spec.id() + ": " + problem);
        return new ExperimentResult(spec, job, r.rows(), reduced);
    }
}
