package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.dsl.parser.MkwLimitedParser;
import dev.mkw.dsl.parser.InputLimits;
import dev.mkw.dsl.validation.IssueCodes;

/**
 * The user mistakes of issue 19, each a located error before anything runs: before, they ended
 * as an internal error with a stack trace, a wrapped number, a hang or silence.
 */
class UserMistakesTest {
    static final ScenarioLoader LOADER = ScenarioLoader.standalone();

    private static Diagnostic only(String text) {
        LoadResult r = LOADER.load(text, "/t/m.mkw");
        List<Diagnostic> errors = r.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        assertEquals(1, errors.size(), () -> String.join("\n", Scenarios.formatted(r)));
        assertNull(r.scenario(), "nothing to run");
        return errors.get(0);
    }

    private static void is(Diagnostic d, int line, int column, String code, String message) {
        assertEquals(message, d.message());
        assertEquals(code, d.code());
        assertEquals(line + ":" + column, d.line() + ":" + d.column(), "position of " + d.format());
    }

    private static String thread(String body) {
        return "scenario T\ntask a pager root {\n  thread t {\n    " + body + "\n  }\n}\n";
    }

    @Test
    void unknownMessageField() {
        is(only(thread("wait any as x timeout never\n    let y = x.wfoo")), 5, 15, IssueCodes.UNKNOWN_FIELD,
                "messages have no field 'wfoo' (fields: w0..w63, label, words, addr, access, timedout, sender, badge, cap, string, bits, irq, exception, ip, error)");
        is(only(thread("wait any as x timeout never\n    let y = x.w64")), 5, 15, IssueCodes.UNKNOWN_FIELD,
                "a message has at most 64 words: w64 is not one of w0..w63");
        is(only(thread("wait any as x timeout never\n    let y = x.lable")), 5, 15, IssueCodes.UNKNOWN_FIELD,
                "messages have no field 'lable'; did you mean label? (fields: w0..w63, label, words, addr, access, timedout, sender, badge, cap, string, bits, irq, exception, ip, error)");
        assertTrue(LOADER.load(thread("wait any as x timeout never\n    let y = x.w63 + x.error + x.label"), "/t/ok.mkw").diagnostics().isEmpty());
    }

    @Test
    void randomWithReversedConstantBounds() {
        is(only(thread("compute random(5, 1) cycles")), 4, 13, IssueCodes.RANDOM_RANGE,
                "random(5, 1) draws from an empty range: the lower bound 5 is above the upper bound 1; did you mean random(1, 5)?");
        assertTrue(LOADER.load(thread("compute random(1, 5) cycles"), "/t/ok.mkw").diagnostics().isEmpty());
    }

    @Test
    void cycleCountsThatWouldWrapTheClock() {
        is(only(thread("compute 0x7ffffffffffffff0 cycles")), 4, 13, IssueCodes.CYCLE_RANGE,
                "compute 9223372036854775792 cycles: a cycle count is at most 2^56 (72057594037927936, over two years at 1 GHz); more would wrap the simulated clock");
        is(only(thread("fpu 0x100000000000000 * 2 cycles")), 4, 9, IssueCodes.CYCLE_RANGE,
                "fpu 144115188075855872 cycles: a cycle count is at most 2^56 (72057594037927936, over two years at 1 GHz); more would wrap the simulated clock");
        is(only(thread("compute 10 - 20 cycles")), 4, 13, IssueCodes.CYCLE_RANGE, "compute -10 cycles: a cycle count is not negative");
        is(only("scenario T\nkernel { timeslice 0x7fffffffffffffff cycles }\n"), 2, 20, IssueCodes.CYCLE_RANGE,
                "timeslice 0x7fffffffffffffff cycles: a cycle count is at most 2^56 (72057594037927936, over two years at 1 GHz); more would wrap the simulated clock");
    }

    @Test
    void constantArithmeticThatWouldWrap() {
        is(only(thread("let v = 0x7fffffffffffffff + 1")), 4, 13, IssueCodes.NUMBER_RANGE,
                "9223372036854775807 + 1 does not fit in 64 bits: the result would wrap");
        is(only(thread("let v = 1 << 64")), 4, 13, IssueCodes.NUMBER_RANGE, "a shift by 64 is outside 0..63");
        is(only(thread("let v = 7 / 0")), 4, 13, IssueCodes.NUMBER_RANGE, "division by zero");
        is(only(thread("let v = 99999999999999999999")), 4, 13, IssueCodes.NUMBER_RANGE, "the number 99999999999999999999 does not fit in 64 bits");
    }

    @Test
    void numbersOutsideExpressionsAreCheckedToo() {
        is(only("scenario T\nrun until 99999999999999999999 cycles\n"), 2, 11, IssueCodes.NUMBER_RANGE,
                "the number 99999999999999999999 does not fit in 64 bits");
        is(only("scenario T\ntask a pager root { region 0x10000 size 20000000000G rw }\n"), 2, 41, IssueCodes.NUMBER_RANGE,
                "the size 20000000000G does not fit in 64 bits");
    }

    @Test
    void flexpagesBeyondTheAddressSpace() {
        is(only(thread("unmap 0 size 0x4000000000000000")), 4, 18, IssueCodes.FPAGE_TOO_LARGE,
                "a flexpage of 0x4000000000000000 is larger than the 4 GiB address space; the largest is 4G (a receive window takes 'window all')");
        is(only(thread("unmap 0x100000000 size 4K")), 4, 11, IssueCodes.FPAGE_TOO_LARGE,
                "flexpage 0x100000000 size 4K ends beyond the 4 GiB address space");
        is(only(thread("touch 0 .. 0x1000000000 stride 4K")), 4, 16, IssueCodes.REGION_OUTSIDE,
                "touch ends at 0x1000000000, beyond the 4 GiB address space (0x0..0x100000000)");
        assertTrue(LOADER.load(thread("unmap 0 size 4G"), "/t/ok.mkw").diagnostics().isEmpty());
    }

    @Test
    void cpusAndPinsWithinTheMachine() {
        is(only("scenario T\nmachine preset pentium_100 { cpus 200 }\n"), 2, 35, IssueCodes.IMPOSSIBLE_MACHINE,
                "impossible machine: cpus 200 is out of range 1..64");
        is(only("scenario T\nmachine preset i486_50 { cpus 2 }\n"), 2, 31, IssueCodes.ONE_CPU,
                "cpus 2: preset i486_50 describes no inter-processor interrupts (its IPI cost is 0), so it is a uniprocessor; for several CPUs take cortex_a9, cortex_a53, x86_64_pcid or pentium_100");
        assertTrue(LOADER.load("scenario T\nmachine preset pentium_100 { cpus 2 }\n" + "task a pager root { thread t cpu 1 { exit } }", "/t/ok.mkw").diagnostics().isEmpty(),
                "two CPUs: a thread may be pinned to the second");
        is(only("scenario T\nmachine preset pentium_100 { cpus 2 }\ntask a pager root { thread t cpu 2 { exit } }\n"), 3, 34, IssueCodes.NEVER_RUNS,
                "thread a.t is pinned to cpu 2, but the machine has 2 CPUs (0..1); pin it to one of them or give the machine more: machine preset P { cpus 3 }");
    }

    @Test
    void machineOverridesAreTypedByTheHardwareModel() {
        // Before: 'mmu.taggedTlb 1' was read as false and switched PCIDs off without a word.
        is(only("scenario T\nmachine preset x86_64_pcid { mmu.taggedTlb 1 }\n"), 2, 44, IssueCodes.IMPOSSIBLE_MACHINE,
                "machine field mmu.taggedTlb takes true or false, not '1'");
        is(only("scenario T\nmachine preset i486_50 { clockMhz fast }\n"), 2, 35, IssueCodes.IMPOSSIBLE_MACHINE,
                "machine field clockMhz takes a number, not 'fast'");
        is(only("scenario T\nmachine preset i486_50 { memory.latency true }\n"), 2, 41, IssueCodes.IMPOSSIBLE_MACHINE,
                "machine field memory.latency takes a whole number (long), not 'true'");
        LoadResult on = LOADER.load("scenario T\nmachine preset i486_50 { mmu.asidBits 8 mmu.taggedTlb true title \"my 486\" isa \"x86-32\" }\n", "/t/ok.mkw");
        assertTrue(on.diagnostics().isEmpty(), () -> String.join("\n", Scenarios.formatted(on)));
        assertEquals("true", on.scenario().machine().overrides().get("mmu.taggedTlb"), "a flag can be switched on, not only off");
        assertEquals("my 486", on.scenario().machine().overrides().get("title"), "text fields take text");
        assertEquals("x86-32", on.scenario().machine().overrides().get("isa"));
        // The pipeline: its fields by path, or left out with none (a scalar core).
        LoadResult pipe = LOADER.load("scenario T\nmachine preset cortex_a76 { pipeline.issueWidth 2 pipeline.order \"in-order\" }\n", "/t/ok.mkw");
        assertTrue(pipe.diagnostics().isEmpty(), () -> String.join("\n", Scenarios.formatted(pipe)));
        LoadResult none = LOADER.load("scenario T\nmachine preset cortex_a76 { pipeline none }\n", "/t/ok.mkw");
        assertTrue(none.diagnostics().isEmpty(), () -> String.join("\n", Scenarios.formatted(none)));
        is(only("scenario T\nmachine preset cortex_a76 { pipeline absent }\n"), 2, 38, IssueCodes.IMPOSSIBLE_MACHINE,
                "machine part pipeline takes none (to leave it out), not 'absent'");
        is(only("scenario T\nmachine preset cortex_a76 { pipeline.order sideways }\n"), 2, 44, IssueCodes.IMPOSSIBLE_MACHINE,
                "impossible machine: pipeline: order 'sideways' is not in-order or out-of-order");
        is(only("scenario T\nmachine preset i486_50 { isa sparc }\n"), 2, 30, IssueCodes.IMPOSSIBLE_MACHINE,
                "impossible machine: isa 'sparc' is not one of armv7, armv8, x86-32, x86-64");
    }

    @Test
    void importsOfMissingOrForeignFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello\n");
        Files.writeString(dir.resolve("lib.mkw"), "this is not a scenario\n");
        Path main = dir.resolve("main.mkw");
        Files.writeString(main, "import \"missing.mkw\"\nimport \"notes.txt\"\nimport \"lib.mkw\"\nscenario I\n");
        LoadResult r = LOADER.load(main);
        List<String> lines = Scenarios.formatted(r);
        assertTrue(lines.contains(main + ":1:8: error: cannot import \"missing.mkw\": there is no such file (looked at " + dir.resolve("missing.mkw") + ")"),
                String.join("\n", lines));
        assertTrue(lines.contains(main + ":2:8: error: cannot import \"notes.txt\": it is not a scenario file (an import names a .mkw file)"),
                String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(dir.resolve("lib.mkw") + ":1:1: error: ")),
                "the imported file's own syntax error, in that file: " + String.join("\n", lines));
        assertNull(r.scenario());
    }

    @Test
    void aBinaryFileIsNotATextScenario(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("image.mkw");
        Files.write(f, new byte[] {'s', 'c', 'e', 'n', '\n', 'a', 'b', (byte) 0xff, 0, 1, 2});
        LoadResult r = LOADER.load(f);
        assertEquals(List.of(f + ":2:3: error: image.mkw is not a text scenario: byte 0xff is not UTF-8 text (is it a binary file?)"), Scenarios.formatted(r));
        Files.write(f, new byte[] {'s', 'c', 'e', 'n', 0, 1});
        assertEquals(List.of(f + ":1:5: error: image.mkw is not a text scenario: it contains a NUL byte (is it a binary file?)"), Scenarios.formatted(LOADER.load(f)));
    }

    @Test
    void nestingBeyondTheLimitIsAnErrorWhereItStarts() {
        int depth = InputLimits.NESTING + 1;
        String body = "repeat 1 {\n".repeat(depth) + "compute 1 cycles\n" + "}\n".repeat(depth);
        Diagnostic d = only(thread(body));
        assertEquals(MkwLimitedParser.CODE, d.code());
        assertEquals("blocks and parentheses nest at most 64 levels deep; this '{' opens level 65 (move the inner part into a thread of its own, or flatten it)",
                d.message());
        // Levels: the task's and the thread's braces, then 63 repeats; the 63rd repeat's '{' is on line 66.
        assertEquals(66 + ":" + 10, d.line() + ":" + d.column());
        assertTrue(LOADER.load(thread("repeat 1 {\n".repeat(20) + "compute 1 cycles\n" + "}\n".repeat(20)), "/t/ok.mkw").diagnostics().isEmpty());
    }

    /** Before: the parser's stack overflowed (an internal error); now one located error. */
    @Test
    void thousandsOfLevelsAndEndlessOperatorChainsDoNotOverflowTheStack() {
        int depth = 20_000;
        LoadResult blocks = LOADER.load(thread("repeat 1 {".repeat(depth) + "compute 1 cycles" + "}".repeat(depth)), "/t/deep.mkw");
        assertTrue(blocks.hasErrors() && blocks.diagnostics().stream().anyMatch(d -> d.code().equals(MkwLimitedParser.CODE)), Scenarios.formatted(blocks).toString());
        LoadResult parens = LOADER.load(thread("let v = " + "(".repeat(depth) + "1" + ")".repeat(depth)), "/t/deep.mkw");
        assertTrue(parens.hasErrors(), Scenarios.formatted(parens).toString());
        LoadResult chain = LOADER.load(thread("let v = 1" + " + 1".repeat(100_000)), "/t/chain.mkw");
        Diagnostic d = chain.diagnostics().get(0);
        assertEquals(MkwLimitedParser.CODE, d.code(), Scenarios.formatted(chain).toString());
        assertEquals("an expression has at most 128 operators (counted through its parentheses); split it with 'let'", d.message());
        assertEquals(4, d.line());
        LoadResult fine = LOADER.load(thread("let v = 1" + " + 1".repeat(128) + "\n    let w = (1 + 2) * (3 + x.w0)"), "/t/ok.mkw");
        assertTrue(fine.diagnostics().isEmpty(), Scenarios.formatted(fine).toString());
        assertNotNull(fine.scenario());
    }
}
