package dev.mkw.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** The mkw commands end to end, as a user calls them (in-process, against the repository's examples). */
class MkwCommandTest {
    private final CliRun cli = new CliRun();

    private static Path home() { return CliRun.home(); }

    private int mkw(Path cwd, String... args) { return cli.run(cwd, args); }

    private String out() { return cli.out(); }

    private String err() { return cli.err(); }

    @Test
    void runsTheFirstExampleByName() {
        assertEquals(0, mkw(home(), "run", "ping-pong"), err());
        assertTrue(out().contains("ipc.fastpath"), out());
    }

    /** The options as the issue names them: --until, --trace FILE, --report json|text, --progress. */
    @Test
    void runOptionsUntilTraceReportAndProgress(@TempDir Path dir) throws Exception {
        assertEquals(0, mkw(dir, "run", "ping-pong", "--until", "20000", "--trace", "t.json", "--report", "json", "--progress"), err());
        String json = out().strip();
        assertTrue(json.startsWith("{") && json.endsWith("}"), "one JSON object on stdout: " + json.substring(0, Math.min(200, json.length())));
        assertTrue(json.contains("\"scenario\"") && json.contains("\"kernelPaths\""), json.substring(0, Math.min(400, json.length())));
        assertTrue(json.contains("\"endReason\": \"cycle limit\"") || json.contains("\"endReason\":\"cycle limit\""), "stopped by --until");
        assertTrue(Files.readString(dir.resolve("t.json")).contains("\"traceEvents\""), "--trace FILE writes a Perfetto trace");
        assertTrue(err().contains("100%"), "the progress bar reached the limit: " + err());

        cli.resetOut();
        assertEquals(0, mkw(dir, "run", "ping-pong", "--report", "text"), err());
        assertTrue(out().contains("ipc.fastpath") && !out().strip().startsWith("{"), "text report: tables");
    }

    /** Every shipped example runs to its end without a run-time error: the examples are the users' templates. */
    @Test
    void everyExampleRuns() throws Exception {
        List<Path> examples;
        try (var files = Files.list(home().resolve("examples/scenarios"))) {
            examples = files.filter(f -> f.toString().endsWith(".mkw")).sorted().toList();
        }
        assertTrue(examples.size() >= 10, examples.toString());
        for (Path f : examples) {
            cli.resetErr();
            assertEquals(0, mkw(home(), "run", f.toString(), "--quiet"), f + ": " + err());
        }
    }

    @Test
    void sameSeedSameReportByteForByte(@TempDir Path dir) throws Exception {
        assertEquals(0, mkw(dir, "run", "ping-pong", "--quiet", "--report", "a.json", "--perfetto", "a.trace.json"), err());
        assertEquals(0, mkw(dir, "run", "ping-pong", "--quiet", "--report", "b.json", "--perfetto", "b.trace.json"), err());
        assertEquals(Files.readString(dir.resolve("a.json")), Files.readString(dir.resolve("b.json")));
        assertEquals(Files.readString(dir.resolve("a.trace.json")), Files.readString(dir.resolve("b.trace.json")));
        assertTrue(Files.readString(dir.resolve("a.trace.json")).contains("\"traceEvents\""));
    }

    @Test
    void missingFileIsOneLineAndExitTwo() {
        assertEquals(2, mkw(home(), "run", "missing.mkw"));
        assertEquals(1, err().strip().lines().count(), err());
        assertTrue(err().startsWith("mkw run: no scenario file 'missing.mkw'"), err());
    }

    @Test
    void unknownCommandPrintsUsage() {
        assertEquals(2, mkw(home(), "frobnicate"));
        assertTrue(err().startsWith("mkw: unknown command 'frobnicate'"), err());
        assertTrue(err().contains("Usage: mkw COMMAND"), err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : List.of("run", "check", "presets", "sweep", "lsp")) {
            cli.resetOut();
            assertEquals(0, mkw(home(), c, "--help"));
            assertTrue(out().startsWith("Usage: mkw " + c), c + ": " + out());
        }
    }

    @Test
    void checkReportsFileLineColumn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.mkw"), "scenario Bad\nmachine preset pentium_99\ntask t { thread a priority 300 { exit } }\n");
        assertEquals(2, mkw(dir, "check", "bad.mkw"));
        assertTrue(out().contains("bad.mkw:2:16: error: unknown machine preset 'pentium_99'; did you mean pentium_100?"), out());
        assertTrue(out().contains("bad.mkw:3:"), out());
        assertTrue(out().contains("priority 300 is outside 0..255"), out());
    }

    @Test
    void presetsListsTheMachines() {
        assertEquals(0, mkw(home(), "presets"));
        for (String id : List.of("i486_50", "pentium_100", "x86_64_pcid", "cortex_a9", "cortex_a53", "cortex_a76")) assertTrue(out().contains(id), out());
    }

    @Test
    void sweepWritesOneRowPerPoint(@TempDir Path dir) throws Exception {
        assertEquals(0, mkw(dir, "sweep", home().resolve("examples/scenarios/ping-pong.mkw").toString(),
                "--vary", "kernel.scheduling=eager,lazy,benno", "--vary", "kernel.fastpath=on,off", "--jobs", "2", "--out", "r.csv"), err());
        List<String> rows = Files.readAllLines(dir.resolve("r.csv"));
        assertEquals(1 + 6, rows.size(), String.join("\n", rows));
    }

    /** Issue 22: a sweep varies a field of the machine, not only the preset; the field is a column and moves the cycles. */
    @Test
    void sweepVariesAMachineField(@TempDir Path dir) throws Exception {
        assertEquals(0, mkw(dir, "sweep", home().resolve("examples/scenarios/ping-pong.mkw").toString(),
                "--vary", "machine.memory.latency=5,200", "--out", "m.csv"), err());
        List<String> rows = Files.readAllLines(dir.resolve("m.csv"));
        assertEquals(3, rows.size(), String.join("\n", rows));
        List<String> head = List.of(rows.get(0).split(","));
        int field = head.indexOf("machine.memory.latency"), cycles = head.indexOf("cycles");
        assertTrue(field >= 0 && cycles >= 0, rows.get(0));
        String[] fast = rows.get(1).split(","), slow = rows.get(2).split(",");
        assertEquals("5", fast[field]);
        assertEquals("200", slow[field]);
        assertTrue(Long.parseLong(slow[cycles]) > Long.parseLong(fast[cycles]), "slower memory, more cycles: " + rows);
        // A field the preset does not have is refused, naming it.
        assertEquals(2, mkw(dir, "run", home().resolve("examples/scenarios/ping-pong.mkw").toString(), "--set", "machine.memory.colour=blue"));
        assertTrue(err().contains("colour"), err());
    }

    /** Engines: local is the default and --engine local gives the same bytes; the rest are clear one-line refusals. */
    @Test
    void sweepEngineChoice(@TempDir Path dir) throws Exception {
        String pingPong = home().resolve("examples/scenarios/ping-pong.mkw").toString();
        assertEquals(0, mkw(dir, "sweep", pingPong, "--vary", "kernel.fastpath=on,off", "--out", "default.csv"), err());
        assertEquals(0, mkw(dir, "sweep", pingPong, "--vary", "kernel.fastpath=on,off", "--engine", "local", "--jobs", "1", "--out", "local.csv"), err());
        assertEquals(Files.readString(dir.resolve("default.csv")), Files.readString(dir.resolve("local.csv")));

        cli.resetErr();
        assertEquals(2, mkw(dir, "sweep", pingPong, "--vary", "kernel.fastpath=on,off", "--engine", "spark"));
        assertEquals(1, err().strip().lines().count(), err());
        assertTrue(err().startsWith("mkw sweep: the Spark engine is not in this installation"), err());

        cli.resetErr();
        assertEquals(2, mkw(dir, "sweep", pingPong, "--vary", "kernel.fastpath=on,off", "--engine", "hadoop"));
        assertTrue(err().startsWith("mkw sweep: unknown sweep engine 'hadoop'; known: local, spark"), err());

        cli.resetErr();
        assertEquals(2, mkw(dir, "sweep", pingPong, "--vary", "kernel.fastpath=on,off", "--master", "local[2]"));
        assertTrue(err().startsWith("mkw sweep: --master is an option of --engine spark"), err());
        assertTrue(Files.notExists(dir.resolve("r.csv")));
    }

    /** The deliberate user error among the examples prints exactly its expected message. */
    @Test
    void theDeadlockExamplePrintsItsExpectedMessage() throws Exception {
        Path dir = home().resolve("examples/scenarios/errors");
        assertEquals(1, mkw(home(), "run", dir.resolve("deadlock.mkw").toString(), "--quiet"));
        String expected = Files.readString(dir.resolve("deadlock.expected")).replace("FILE", dir.resolve("deadlock.mkw").toString());
        assertEquals(expected.strip(), err().strip());
    }

    @Test
    void deadlockEndsTheRunWithExitOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("dead.mkw"), """
                scenario Dead
                task a { thread x priority 10 { receive from b.y as m } }
                task b { thread y priority 10 { receive from a.x as m } }
                """);
        assertEquals(1, mkw(dir, "run", "dead.mkw", "--quiet"));
        assertTrue(err().contains("deadlock"), err());
        assertTrue(err().contains("a.x receives from b.y"), err());
    }
}
