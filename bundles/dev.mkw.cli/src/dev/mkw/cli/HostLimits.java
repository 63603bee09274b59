package dev.mkw.cli;

import java.time.Duration;

/**
 * The host's limits a run can meet, and what to say when it does: the host-time limit of
 * {@code mkw run --time-limit} (a watchdog: a scenario whose threads never end runs forever in
 * simulated time unless it has a cycle limit) and the JVM's heap.
 */
public final class HostLimits {
    /** Host time a run may take unless {@code --time-limit} says otherwise. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(5);

    private HostLimits() {}

    /** {@code 90s}, {@code 10m}, {@code 1h}, {@code 500ms}, a plain number of seconds; {@code 0} for no limit. */
    public static Duration parseDuration(String option, String text) throws CliException {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        long unit;
        String number;
        if (t.endsWith("ms")) { unit = 1; number = t.substring(0, t.length() - 2); }
        else if (t.endsWith("s")) { unit = 1000; number = t.substring(0, t.length() - 1); }
        else if (t.endsWith("m")) { unit = 60_000; number = t.substring(0, t.length() - 1); }
        else if (t.endsWith("h")) { unit = 3_600_000; number = t.substring(0, t.length() - 1); }
        else { unit = 1000; number = t; }
        try {
            long n = Long.parseLong(number.trim());
            if (n < 0) throw new CliException(option + " must not be negative: " + text);
            return Duration.ofMillis(Math.multiplyExact(n, unit));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CliException(option + " expects a duration such as 90s, 10m or 1h (0: no limit), got '" + text + "'");
        }
    }

    public static String format(Duration d) {
        if (d.toMillis() % 3_600_000 == 0) return d.toHours() + "h";
        if (d.toMillis() % 60_000 == 0) return d.toMinutes() + "m";
        if (d.toMillis() % 1000 == 0) return d.toSeconds() + "s";
        return d.toMillis() + "ms";
    }

    /** What to tell a user whose run ran out of heap, and how to give it more. */
    public static String outOfMemory() {
        long max = Runtime.getRuntime().maxMemory() >> 20;
        return "out of host memory: the run needs more than the " + max + " MiB of heap the JVM has"
                + ". Give it more with MKW_JAVA_OPTS, e.g. MKW_JAVA_OPTS=-Xmx8g ./mkw run ...; or record less: --trace off, or 'run trace ring N' with a smaller N";
    }
}
