package dev.mkw.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command runs: its output streams, the user's working directory (paths on the
 * command line are relative to it, not to the product directory the launcher runs in)
 * and the MKW home (the checkout, for {@code examples/scenarios}).
 */
public record CliContext(PrintStream out, PrintStream err, Path cwd, Path home) {

    /** From the system properties the {@code mkw} script sets, falling back to the process's directory. */
    public static CliContext fromSystem(PrintStream out, PrintStream err) {
        Path cwd = Path.of(System.getProperty("mkw.cwd", System.getProperty("user.dir")));
        Path home = Path.of(System.getProperty("mkw.home", cwd.toString()));
        return new CliContext(out, err, cwd, home);
    }

    /** A path argument resolved against the user's working directory. */
    public Path resolve(String arg) {
        return cwd.resolve(arg).normalize();
    }

    /** The examples folder of the checkout. */
    public Path examples() {
        return home.resolve("examples").resolve("scenarios");
    }

    /**
     * A scenario argument: a file path, or the name of an example ({@code ping-pong} →
     * examples/scenarios/ping-pong.mkw).
     */
    public Path scenario(String arg) throws CliException {
        Path p = resolve(arg);
        if (Files.isRegularFile(p)) return p;
        String name = arg.endsWith(".mkw") ? arg : arg + ".mkw";
        Path ex = examples().resolve(name);
        if (Files.isRegularFile(ex)) return ex;
        throw new CliException("no scenario file '" + arg + "' (looked at " + p + " and " + ex
                + "); 'mkw run --list' shows the examples");
    }
}
