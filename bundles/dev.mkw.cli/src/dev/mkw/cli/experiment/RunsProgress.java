package dev.mkw.cli.experiment;

import java.io.PrintStream;
import java.util.Locale;

import dev.mkw.cli.sweep.SweepEngine;

/**
 * The progress of an experiment's runs on stderr: one bar redrawn in place as runs finish
 * (in any order, from any engine), ending on its own line. stdout stays the summary.
 */
final class RunsProgress implements SweepEngine.Progress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final String label;
    private int failed;

    RunsProgress(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public synchronized void done(int finished, int total, String status) {
        if (!status.equals("ok")) failed++;
        int filled = total == 0 ? WIDTH : finished * WIDTH / total;
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %d/%d runs%s", label, "#".repeat(filled), " ".repeat(WIDTH - filled), finished, total,
                failed == 0 ? "" : ", " + failed + " failed"));
        if (finished == total) err.println();
        err.flush();
    }
}
