package dev.mkw.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code mkw run --progress}: a one-line bar on stderr, redrawn in place. With a cycle limit
 * it shows the share of it simulated; without one (run until all threads are done) the cycles
 * and events so far. Only stderr: stdout stays the report, so it can be piped.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final long limitCycles;
    private String last = "";

    public ProgressBar(PrintStream err, long limitCycles) {
        this.err = err;
        this.limitCycles = limitCycles;
    }

    /** The run has reached {@code cycles} after {@code events} events. */
    public void update(long cycles, long events) {
        String line;
        if (limitCycles > 0) {
            int filled = (int) Math.min(WIDTH, cycles * WIDTH / limitCycles);
            line = String.format(Locale.ROOT, "[%s%s] %3d%%  %,d of %,d cycles", "#".repeat(filled), " ".repeat(WIDTH - filled),
                    Math.min(100, cycles * 100 / limitCycles), cycles, limitCycles);
        } else {
            line = String.format(Locale.ROOT, "simulating: %,d cycles, %,d events", cycles, events);
        }
        if (line.equals(last)) return;
        err.print("\r" + line);
        err.flush();
        last = line;
    }

    /** The run ended: the last state stays on its own line. */
    public void done(long cycles, long events) {
        update(cycles, events);
        err.println();
    }
}
