package dev.mkw.spark;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.spark.sql.SparkSession;

import dev.mkw.cli.CliException;

/**
 * Spark's session, started on a thread of its own as soon as the command line is checked, so
 * that starting it (a few seconds of class loading and set-up, mostly on one core) overlaps the
 * driver's loading and checking of the scenario instead of following it. Only the application's
 * main ({@link SparkSweep#run}) allows it, and it stops a session that no sweep took (the
 * scenario did not load), so nothing outlives the command.
 */
final class EarlySession {
    /** Set for the duration of {@link SparkSweep#run}: early starts allowed. */
    private static boolean allowed;
    private static SparkLaunch launch;
    private static CompletableFuture<SparkSession> started;

    private EarlySession() {}

    static synchronized void allow() {
        allowed = true;
    }

    /** Begin starting Spark as {@code launch} says, if allowed and nothing is started yet. */
    static synchronized void begin(SparkLaunch l) {
        if (!allowed || started != null) return;
        launch = l;
        started = new CompletableFuture<>();
        CompletableFuture<SparkSession> f = started;
        Thread t = new Thread(() -> {
            try {
                f.complete(l.start());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "mkw-spark-start");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The session started early for the same master and settings, waited for; null when none
     * was started (then the sweep starts its own).
     */
    static SparkSession take(SparkLaunch wanted) throws CliException {
        CompletableFuture<SparkSession> f;
        synchronized (EarlySession.class) {
            if (started == null || !launch.sameAs(wanted)) return null;
            f = started;
            started = null;
            launch = null;
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while Spark was starting");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CliException c) throw c;
            throw new CliException("cannot start Spark: " + SparkLaunch.firstLine(e.getCause()));
        }
    }

    /** End of the command: stop a session no sweep took, and allow no more early starts. */
    static void discard() {
        CompletableFuture<SparkSession> f;
        synchronized (EarlySession.class) {
            allowed = false;
            f = started;
            started = null;
            launch = null;
        }
        if (f == null) return;
        try {
            f.get().stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // It did not start: nothing to stop, and the command has said what went wrong first.
        }
    }
}
