package dev.mkw.cli;

import java.time.Duration;

import dev.mkw.kernel.inspect.ThreadInfo;
import dev.mkw.run.Simulation;
import dev.mkw.sim.SimEngine;

/**
 * Drives a {@link Simulation} to its end on a thread of its own while the caller watches the
 * host clock: past the time limit the run is asked to pause and is reported as not finished
 * ({@link ExitCode#RUN_FAILED}), with the simulated cycle it reached and the thread that was
 * running. A simulation that does not even pause is stuck inside one event, an MKW bug
 * ({@link StuckRun}). Errors of the simulation thread (out of memory included) are rethrown on
 * the caller's thread, so the command reports them the one way it reports everything.
 */
final class WatchedRun {
    /** How long a paused-on-request simulation may take to reach the end of its current event. */
    private static final long PAUSE_GRACE_MS = 2_000;
    /** Events between two redraws of the progress bar. */
    private static final long PROGRESS_SLICE = 200_000;

    private final Simulation sim;
    private final ProgressBar progress;
    private volatile SimEngine.StopReason stopped;
    private volatile Throwable failure;

    WatchedRun(Simulation sim, ProgressBar progress) {
        this.sim = sim;
        this.progress = progress;
    }

    /** Run to the end; {@code limit} of zero means no limit. */
    SimEngine.StopReason run(Duration limit) throws CliException {
        Thread worker = new Thread(null, this::drive, "mkw-simulation", 0);
        // A daemon: a simulation given up as stuck must not keep the process alive.
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(limit.isZero() ? 0 : Math.max(1, limit.toMillis()));
            if (worker.isAlive()) {
                pauseRequested = true;
                sim.requestPause();
                worker.join(PAUSE_GRACE_MS);
                if (worker.isAlive()) {
                    throw new StuckRun("the simulation is stuck inside one step at cycle " + sim.engine().now()
                            + ": it did not pause within " + PAUSE_GRACE_MS / 1000 + " s of the time limit (" + HostLimits.format(limit) + ")",
                            worker.getStackTrace());
                }
                throw new CliException(timeLimitMessage(limit), ExitCode.RUN_FAILED);
            }
        } catch (InterruptedException e) {
            sim.requestPause();
            Thread.currentThread().interrupt();
            throw new CliException("interrupted at cycle " + sim.engine().now(), ExitCode.RUN_FAILED);
        }
        Throwable t = failure;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
        return stopped;
    }

    private void drive() {
        try {
            SimEngine.StopReason why;
            if (progress == null) {
                why = sim.run();
            } else {
                // In slices of events, so the bar moves; the run is the same as in one go.
                do {
                    why = sim.step(PROGRESS_SLICE);
                    progress.update(sim.engine().now(), sim.engine().firedEvents());
                } while (why == SimEngine.StopReason.PAUSED && !Thread.currentThread().isInterrupted() && !pauseRequested());
                progress.done(sim.engine().now(), sim.engine().firedEvents());
            }
            stopped = why;
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** Set by the watchdog: the progress loop must not resume after the pause it asked for. */
    private volatile boolean pauseRequested;

    private boolean pauseRequested() { return pauseRequested; }

    private String timeLimitMessage(Duration limit) {
        String running = "";
        for (ThreadInfo t : sim.threads()) {
            if ("RUNNING".equals(t.state())) running = ", thread " + t.name() + " running";
        }
        return "the run did not finish within its host-time limit of " + HostLimits.format(limit) + ": stopped at simulated cycle "
                + sim.engine().now() + running + ". A scenario whose threads never end needs an end: 'run until N cycles' in the file"
                + " or --until N; for a longer run raise the limit with --time-limit (e.g. --time-limit 1h; 0: no limit)";
    }
}
