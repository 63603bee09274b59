package dev.mkw.sim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.mkw.sim.report.RunReport;

/**
 * Runs every point of a sweep, {@code jobs} at a time on their own host threads (one
 * simulation per thread; each is deterministic by itself, so the results do not depend on
 * scheduling), and collects the outcomes in sweep order. A run that throws becomes a
 * "failed" row; the sweep goes on.
 */
public final class SweepRunner {
    /** Told after each finished point (from a worker thread): points done, points in all. */
    public interface Progress {
        void done(int finished, int total, SweepOutcome outcome);
    }

    private final int jobs;
    private Progress progress = (f, t, o) -> { };

    public SweepRunner(int jobs) {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
        this.jobs = jobs;
    }

    public SweepRunner progress(Progress p) {
        this.progress = Objects.requireNonNull(p);
        return this;
    }

    /** Run {@code run} at every point; {@code run} gets the point's key → value settings. */
    public SweepResult run(Sweep sweep, Function<Map<String, String>, RunReport> run) throws InterruptedException {
        List<SweepPoint> points = sweep.points();
        AtomicInteger finished = new AtomicInteger();
        List<SweepOutcome> outcomes = new ArrayList<>();
        if (jobs == 1) {
            for (SweepPoint p : points) outcomes.add(runOne(p, run, finished, points.size()));
            return new SweepResult(sweep, outcomes);
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "mkw-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SweepOutcome>> futures = new ArrayList<>();
            for (SweepPoint p : points) futures.add(pool.submit(() -> runOne(p, run, finished, points.size())));
            for (Future<SweepOutcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("sweep worker failed outside a run", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new SweepResult(sweep, outcomes);
    }

    private SweepOutcome runOne(SweepPoint p, Function<Map<String, String>, RunReport> run, AtomicInteger finished, int total) {
        SweepOutcome o = outcome(p, run);
        progress.done(finished.incrementAndGet(), total, o);
        return o;
    }

    /**
     * Run one point: its outcome, never an exception. A run that throws (or overflows the
     * stack) becomes a "failed" outcome with the message. Every engine runs points through
     * here, so a failure looks the same whichever engine met it.
     */
    public static SweepOutcome outcome(SweepPoint p, Function<Map<String, String>, RunReport> run) {
        try {
            RunReport r = run.apply(p.params());
            return r == null ? new SweepOutcome(p, null, "the run gave no report") : new SweepOutcome(p, r, "");
        } catch (Exception | StackOverflowError e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new SweepOutcome(p, null, msg);
        }
    }
}
