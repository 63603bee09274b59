package dev.mkw.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Keeps what a bug report needs when MKW itself fails (exit code 3): the command, the versions
 * and every stack trace, in a file that outlives the run. The {@code mkw} script deletes its
 * private OSGi configuration folder after each run, so nothing may be left there; the log
 * directory is {@code -Dmkw.logdir} (the script passes {@code $MKW_LOG_DIR}, default
 * {@code ~/.local/state/mkw/logs}).
 */
public final class BugLog {
    private BugLog() {}

    /** The folder logs go to. */
    public static Path directory() {
        String dir = System.getProperty("mkw.logdir");
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("mkw").resolve("logs");
    }

    /**
     * Write the log and return its path, or null if it could not be written (then the caller
     * prints the trace itself, so nothing is lost).
     */
    public static Path write(List<String> argv, String what, Throwable failure, StackTraceElement[] stuckAt) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        w.println("MKW internal error log");
        w.println("when:    " + LocalDateTime.now());
        w.println("command: mkw " + String.join(" ", argv));
        w.println("mkw:     " + Version.get());
        w.println("java:    " + System.getProperty("java.vendor") + " " + System.getProperty("java.version") + " on "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        w.println("what:    " + what);
        w.println();
        if (failure != null) failure.printStackTrace(w);
        if (stuckAt != null) {
            w.println("the simulation thread was at:");
            for (StackTraceElement e : stuckAt) w.println("\tat " + e);
        }
        w.flush();
        try {
            Path dir = directory();
            Files.createDirectories(dir);
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path file = dir.resolve("mkw-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The stack trace as text, for when no log file could be written. */
    public static String trace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        return s.toString();
    }
}
