package dev.mkw.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.mkw.cli.commands.CheckCommand;
import dev.mkw.cli.commands.FidelityCommand;
import dev.mkw.cli.commands.LspCommand;
import dev.mkw.cli.commands.PresetsCommand;
import dev.mkw.cli.commands.RunCommand;
import dev.mkw.cli.commands.SweepCommand;

/**
 * The {@code mkw} command line: dispatches to a {@link Command}. Works as a plain
 * {@code main} (core bundles as jars) and inside the headless Equinox product
 * ({@link MkwApplication}). Exit codes are those of {@link ExitCode}: 0 the run finished, 1 it
 * did not (a run-time error of the scenario's program, a host limit), 2 bad input (usage,
 * malformed scenario), 3 a bug in MKW, with its log kept and the log's path printed.
 */
public final class Mkw {

    private final List<Command> commands;

    public Mkw() {
        this(List.of(new RunCommand(), new CheckCommand(), new PresetsCommand(),
                new SweepCommand(), new LspCommand(), new FidelityCommand(), new dev.mkw.cli.experiment.ExperimentCommand()));
    }

    /** A command line of these commands (tests give it one that fails the way a bug would). */
    public Mkw(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    public static void main(String[] args) {
        System.exit(new Mkw().run(Arrays.asList(args), CliContext.fromSystem(System.out, System.err)));
    }

    public int run(List<String> argv, CliContext ctx) {
        QuietLogging.apply();
        if (argv.isEmpty() || argv.get(0).equals("--help") || argv.get(0).equals("-h") || argv.get(0).equals("help")) {
            if (argv.size() >= 2) return helpOf(argv.get(1), ctx);
            ctx.out().print(usage());
            return 0;
        }
        if (argv.get(0).equals("--version")) {
            ctx.out().println("mkw " + Version.get());
            return 0;
        }
        Command c = find(argv.get(0));
        if (c == null) {
            ctx.err().println("mkw: unknown command '" + argv.get(0) + "'\n");
            ctx.err().print(usage());
            return 2;
        }
        List<String> rest = new ArrayList<>(argv.subList(1, argv.size()));
        if (rest.contains("--help") || rest.contains("-h")) {
            ctx.out().print(c.help());
            return 0;
        }
        try {
            return c.run(rest, ctx);
        } catch (CliException e) {
            ctx.err().println("mkw " + c.name() + ": " + e.getMessage());
            return e.exitCode();
        } catch (OutOfMemoryError e) {
            // The run's objects are unreachable once the command has unwound: there is room to say so.
            ctx.err().println("mkw " + c.name() + ": " + HostLimits.outOfMemory());
            return ExitCode.RUN_FAILED.code();
        } catch (StuckRun e) {
            return bug(c, argv, e.getMessage(), e, e.stuckAt(), ctx);
        } catch (RuntimeException | Error e) {
            // A bug in MKW, not the user's fault (a stack overflow included: inputs are limited
            // before they can cause one): say so, keep the details for the report.
            return bug(c, argv, e.toString(), e, null, ctx);
        }
    }

    /** Report a bug in MKW: one line on stderr, the details in a log file whose path is printed. */
    private static int bug(Command c, List<String> argv, String what, Throwable e, StackTraceElement[] stuckAt, CliContext ctx) {
        java.nio.file.Path log = BugLog.write(argv, what, e, stuckAt);
        ctx.err().println("mkw " + c.name() + ": internal error (a bug in MKW, not in your scenario): " + what);
        if (log != null) {
            ctx.err().println("mkw " + c.name() + ": the details are kept in " + log + "; please attach that file to a bug report");
        } else {
            ctx.err().println("mkw " + c.name() + ": no log could be written to " + BugLog.directory() + "; the details:");
            ctx.err().print(BugLog.trace(e));
        }
        return ExitCode.INTERNAL.code();
    }

    private int helpOf(String name, CliContext ctx) {
        Command c = find(name);
        if (c == null) {
            ctx.err().println("mkw: unknown command '" + name + "'");
            return 2;
        }
        ctx.out().print(c.help());
        return 0;
    }

    private Command find(String name) {
        for (Command c : commands) if (c.name().equals(name)) return c;
        return null;
    }

    String usage() {
        StringBuilder b = new StringBuilder();
        b.append("mkw — the Microkernel Workbench\n\n");
        b.append("Usage: mkw COMMAND [ARGS]   (mkw COMMAND --help for details)\n\n");
        b.append("Commands:\n");
        for (Command c : commands) b.append(String.format("  %-14s %s%n", c.name(), c.summary()));
        b.append(String.format("  %-14s %s%n", "ide", "open the MKW workbench (the IDE product)"));
        b.append(String.format("  %-14s %s%n", "install-plugin", "install a plugin's feature from its p2 repository into both products"));
        b.append(String.format("  %-14s %s%n", "bench", "speed benchmarks under JMH (forked JVMs, error bars), ratios to a host memory access and to cachegrind"));
        b.append(String.format("  %-14s %s%n", "test", "build everything and run every test (what CI runs)"));
        b.append(String.format("  %-14s %s%n", "build", "build the products and the p2 update site without tests"));
        b.append(String.format("  %-14s %s%n", "spark", "a Spark master or worker for sweeps on a cluster, or a SQL query on a sweep's Parquet"));
        b.append("\nExamples:\n");
        b.append("  mkw run ping-pong                      run examples/scenarios/ping-pong.mkw\n");
        b.append("  mkw run my.mkw --seed 7 --perfetto t.json   run a file, write a Perfetto trace\n");
        b.append("  mkw check my.mkw                       validate a scenario, print FILE:LINE:COL messages\n");
        b.append("  mkw sweep ping-pong --vary kernel.scheduling=eager,lazy,benno\n");
        b.append("  mkw sweep ping-pong --vary run.seed=1,2,3 --engine spark --master 'local[2]' --out r.csv\n");
        return b.toString();
    }

    /** Helper to print to a stream and flush, used by commands that stream long output. */
    static void println(PrintStream s, String text) {
        s.println(text);
        s.flush();
    }
}
