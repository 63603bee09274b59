package dev.mkw.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.Command;
import dev.mkw.cli.ExitCode;
import dev.mkw.cli.Mkw;
import dev.mkw.cli.StuckRun;

/**
 * Issue 19, honest exits: 0 only for a run that finished; 1 for a run that did not (a run-time
 * error of its program, the host-time limit, host memory); 2 for a malformed scenario or a bad
 * option; 3 only for a bug in MKW, with the log kept and its path printed.
 */
class ExitCodesTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir Path dir;
    private String savedLogDir;

    @BeforeEach
    void logsToATemporaryFolder() {
        savedLogDir = System.getProperty("mkw.logdir");
        System.setProperty("mkw.logdir", dir.resolve("logs").toString());
    }

    @AfterEach
    void restore() {
        if (savedLogDir == null) System.clearProperty("mkw.logdir");
        else System.setProperty("mkw.logdir", savedLogDir);
    }

    private int mkw(Mkw m, String... args) {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir, dir);
        return m.run(List.of(args), ctx);
    }

    private int mkw(String... args) {
        return mkw(new Mkw(), args);
    }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    private Path scenario(String text) throws Exception {
        Path f = dir.resolve("s.mkw");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aFinishedRunIsZero() throws Exception {
        scenario("scenario Ok\ntask a { thread t { compute 1000 cycles } }\n");
        assertEquals(0, mkw("run", "s.mkw", "--quiet"), err());
        scenario("scenario Forever\ntask a { thread t { repeat forever { compute 1000 cycles } } }\nrun until 50000 cycles\n");
        assertEquals(0, mkw("run", "s.mkw", "--quiet"), "a run that reached the cycle limit it asked for finished: " + err());
    }

    @Test
    void aRunTimeErrorOfTheProgramIsOneWithThreadCycleAndPosition() throws Exception {
        scenario("scenario E\ntask a {\n  thread t {\n    let z = 0\n    compute 10 / z cycles\n  }\n}\n");
        assertEquals(1, mkw("run", "s.mkw", "--quiet"));
        assertTrue(err().contains("s.mkw:5:5: error: division by zero (thread a.t, cycle "), err());
    }

    @Test
    void aMalformedScenarioOrABadOptionIsTwo() throws Exception {
        scenario("scenario E\nmachine preset i486_50 { cpus 2 }\n");
        assertEquals(2, mkw("run", "s.mkw"));
        assertTrue(err().contains("s.mkw:2:31: error: cpus 2: preset i486_50 describes no inter-processor interrupts"), err());
        err.reset();
        scenario("scenario Ok\ntask a { thread t { compute 1000 cycles } }\n");
        assertEquals(2, mkw("run", "s.mkw", "--until", "20000000000G"));
        assertEquals("mkw run: --until 20000000000G is too large: the largest number is 9223372036854775807 (about 9.2e18, or 9223372036G)",
                err().strip());
        err.reset();
        assertEquals(2, mkw("run", "s.mkw", "--time-limit", "soon"));
        assertTrue(err().contains("--time-limit expects a duration such as 90s, 10m or 1h (0: no limit), got 'soon'"), err());
    }

    /** A kernel whose paths were not counted for the machine's CPU (Fiasco's on an i486) is refused with 2, at the word or as --set says it. */
    @Test
    void aKernelPathNotCountedForTheCpuIsTwo() throws Exception {
        scenario("scenario P\nmachine preset i486_50\nkernel { path fiasco }\ntask a { thread t { compute 1000 cycles } }\n");
        assertEquals(2, mkw("run", "s.mkw"));
        assertTrue(err().contains("s.mkw:3:15: error: path fiasco: that kernel's code was not counted for the CPU of preset i486_50 (x86-32)"), err());
        err.reset();
        scenario("scenario Ok\ntask a { thread t { compute 1000 cycles } }\n");
        assertEquals(2, mkw("run", "s.mkw", "--set", "kernel.path=fiasco"));
        assertTrue(err().contains("kernel.path fiasco: its code was not counted for the x86-32 CPU of this machine; counted there: pistachio"), err());
        err.reset();
        assertEquals(0, mkw("run", "s.mkw", "--quiet", "--set", "machine.preset=cortex_a53", "--set", "kernel.path=fiasco"), err());
    }

    /** A scenario whose threads never end and that has no cycle limit: the watchdog on host time ends it. */
    @Test
    void theHostTimeLimitEndsARunThatNeverEndsWithOne() throws Exception {
        scenario("scenario Forever\ntask a { thread t { repeat forever { compute 1000 cycles } } }\n");
        long start = System.nanoTime();
        assertEquals(1, mkw("run", "s.mkw", "--quiet", "--time-limit", "1s"));
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "it ended within the limit and its grace");
        assertTrue(err().startsWith("mkw run: the run did not finish within its host-time limit of 1s: stopped at simulated cycle "), err());
        assertTrue(err().contains("thread a.t running") || err().contains("A scenario whose threads never end"), err());
        assertTrue(err().contains("--time-limit"), "says how to raise it: " + err());
    }

    @Test
    void aBugInMkwIsThreeWithTheLogKeptAndItsPathPrinted() throws Exception {
        assertEquals(3, mkw(new Mkw(List.of(failing(() -> { throw new IllegalStateException("a broken invariant of MKW"); }))), "fail"));
        String e = err();
        assertTrue(e.startsWith("mkw fail: internal error (a bug in MKW, not in your scenario): java.lang.IllegalStateException: a broken invariant of MKW"), e);
        Path log = logPath(e);
        String text = Files.readString(log);
        assertTrue(text.contains("command: mkw fail") && text.contains("java.lang.IllegalStateException: a broken invariant of MKW")
                && text.contains("at dev.mkw.cli.tests.ExitCodesTest"), text);
    }

    @Test
    void aStuckSimulationIsABugWithWhereItWasInTheLog() throws Exception {
        StackTraceElement where = new StackTraceElement("dev.mkw.user.UserProgram", "next", "UserProgram.java", 66);
        assertEquals(3, mkw(new Mkw(List.of(failing(() -> { throw new StuckRun("the simulation is stuck inside one step at cycle 5", new StackTraceElement[] {where}); }))), "fail"));
        String text = Files.readString(logPath(err()));
        assertTrue(text.contains("the simulation thread was at:") && text.contains("at dev.mkw.user.UserProgram.next(UserProgram.java:66)"), text);
    }

    @Test
    void outOfHostMemorySaysSoAndHowToRaiseIt() {
        assertEquals(1, mkw(new Mkw(List.of(failing(() -> { throw new OutOfMemoryError("Java heap space"); }))), "fail"));
        assertTrue(err().startsWith("mkw fail: out of host memory: the run needs more than the "), err());
        assertTrue(err().contains("MKW_JAVA_OPTS=-Xmx8g"), err());
    }

    @Test
    void exitCodesAreTheDocumentedNumbers() {
        assertEquals(List.of(0, 1, 2, 3), List.of(ExitCode.OK.code(), ExitCode.RUN_FAILED.code(), ExitCode.BAD_INPUT.code(), ExitCode.INTERNAL.code()));
        assertEquals(2, new CliException("x").exitCode());
    }

    private static Path logPath(String err) {
        Matcher m = Pattern.compile("the details are kept in (\\S+); please attach").matcher(err);
        assertTrue(m.find(), err);
        Path log = Path.of(m.group(1));
        assertTrue(Files.isRegularFile(log), log.toString());
        return log;
    }

    private static Command failing(Runnable body) {
        return new Command() {
            @Override public String name() { return "fail"; }
            @Override public String summary() { return "fails"; }
            @Override public String help() { return "Usage: mkw fail\n"; }
            @Override public int run(List<String> argv, CliContext ctx) {
                body.run();
                return 0;
            }
        };
    }
}
