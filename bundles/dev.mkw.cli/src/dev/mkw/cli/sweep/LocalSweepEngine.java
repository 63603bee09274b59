package dev.mkw.cli.sweep;

import java.util.List;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.sim.sweep.SweepRunner;

/** {@code --engine local}, the default: {@code --jobs N} host threads of this process ({@link SweepRunner}). */
public final class LocalSweepEngine implements SweepEngine {

    @Override public String id() { return "local"; }

    @Override
    public void check(Args args) throws CliException {
        for (String o : SweepEngines.CLUSTER_OPTIONS) {
            if (args.has(o)) throw new CliException("--" + o + " is an option of --engine spark; the local engine runs on this machine's threads (--jobs N)");
        }
        args.longValue("jobs", 1); // a number, or the usage error now
    }

    @Override
    public Result run(SweepJob job, Args args, CliContext ctx, Progress progress) throws CliException {
        int jobs = (int) Math.max(1, args.longValue("jobs", Runtime.getRuntime().availableProcessors()));
        try {
            var result = new SweepRunner(jobs)
                    .progress((done, total, o) -> progress.done(done, total, o.status()))
                    .run(job.sweep(), job.runner());
            return new Result(result.rows(job.table()), List.of(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("sweep interrupted");
        }
    }
}
