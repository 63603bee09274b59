package dev.mkw.sim.sweep;

import dev.mkw.sim.report.RunReport;

/**
 * What one point of a sweep gave: a report (possibly with run errors), or a failure.
 *
 * @param point  the point
 * @param report the run's report, or null when the run threw
 * @param error  why the run threw, or "" when it did not
 */
public record SweepOutcome(SweepPoint point, RunReport report, String error) {

    /** {@code ok}, {@code error} (the run ended with a user program error) or {@code failed} (it threw). */
    public String status() {
        if (report == null) return "failed";
        return report.failed() ? "error" : "ok";
    }

    /** The failure or the run's errors, one line. */
    public String errorText() {
        if (report == null) return error;
        return String.join("; ", report.errorLines());
    }
}
