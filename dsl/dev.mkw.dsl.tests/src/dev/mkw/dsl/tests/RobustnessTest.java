package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.mkw.cli.CliContext;
import dev.mkw.cli.Mkw;
import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;

/**
 * 10 000 seeded mutations of the examples (delete, duplicate, swap and insert tokens): parse,
 * validate and translate never throw, only report, and every diagnostic points inside the file.
 * Every mutant that passes validation is then run through the public entry point,
 * {@code mkw run} ({@link Mkw#run}), with a cycle limit: each must end with exit code 0, 1 or 2
 * (never 3, a bug in MKW) before its cycle limit, well within a bound on host time.
 */
class RobustnessTest {
    static final int MUTATIONS = 10_000;
    private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"|//[^\\n]*|0x[0-9A-Fa-f_]+|[A-Za-z_][A-Za-z0-9_-]*|\\d+|\\.\\.|->|<=|>=|==|!=|<<|>>|\\S");
    private static final String[] INSERTS = {"{", "}", "(", ")", ",", ".", "..", "->", "0", "0x", "99999999999999999999999", "-1", "K", "cap",
            "thread", "task", "repeat", "forever", "if", "else", "as", "timeout", "never", "us", "map", "size", "window", "irq", "\"", "x.y.z", "import"};

    record Token(int start, int end) {}

    @Test
    void mutatedExamplesNeverThrow() throws Exception {
        ScenarioLoader loader = ScenarioLoader.standalone();
        List<String> texts = new ArrayList<>();
        for (Path f : Scenarios.exampleFiles()) texts.add(Files.readString(f));
        // Mutation i is a function of (seed, i) alone, so the run can be spread over the cores and still reproduce.
        AtomicInteger withErrors = new AtomicInteger();
        java.util.Map<Integer, String> valid = new java.util.concurrent.ConcurrentSkipListMap<>();
        IntStream.range(0, MUTATIONS).parallel().forEach(i -> {
            Random random = new Random(20261123L * 31 + i);
            String text = mutate(piece(texts.get(i % texts.size()), i, random), random);
            LoadResult r;
            try {
                r = loader.load(text, "/mutants/m" + i + ".mkw");
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("mutation " + i + " threw " + e + " on:\n" + text, e);
            }
            if (r.hasErrors()) withErrors.incrementAndGet();
            int lines = (int) text.lines().count() + 1;
            for (Diagnostic d : r.diagnostics()) {
                if (d.line() < 1 || d.line() > lines || d.column() < 1) fail("mutation " + i + ": position outside the file: " + d.format() + "\n" + text);
            }
            if (r.scenario() == null && !r.hasErrors()) fail("mutation " + i + ": no scenario and no error\n" + text);
            if (r.scenario() != null) valid.put(i, text);
        });
        assertTrue(withErrors.get() > MUTATIONS / 4, "the mutations should break many files: " + withErrors);
        // Token mutations rarely leave a valid scenario (a slice lacks its 'scenario' line); number
        // mutations of whole examples mostly do, and reach the kernel with extreme sizes, counts and
        // addresses. They are loaded the same way; the valid ones join the runs.
        IntStream.range(0, NUMBER_MUTATIONS).parallel().forEach(k -> {
            Random random = new Random(20261203L * 31 + k);
            String text = mutateNumbers(texts.get(k % texts.size()), random);
            LoadResult r = loader.load(text, "/mutants/n" + k + ".mkw");
            if (r.scenario() != null) valid.put(MUTATIONS + k, text);
        });
        runEveryValidMutant(valid);
    }

    /** Whole examples with one to three numbers replaced: these mostly pass validation and are run. */
    static final int NUMBER_MUTATIONS = 2_000;
    private static final Pattern NUMBER = Pattern.compile("\\b(0x[0-9A-Fa-f_]+|\\d+)\\b");
    private static final String[] NUMBERS = {"0", "1", "2", "3", "7", "63", "64", "255", "4096", "0x1000", "0xfff", "65535", "1000000",
            "0xbffff000", "0xc0000000", "0xffffffff", "0x100000000", "72057594037927936", "9223372036854775807"};

    static String mutateNumbers(String text, Random random) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) spans.add(new int[] {m.start(), m.end()});
        StringBuilder b = new StringBuilder(text);
        int edits = Math.min(spans.size(), 1 + random.nextInt(3));
        List<int[]> chosen = new ArrayList<>();
        for (int e = 0; e < edits; e++) chosen.add(spans.get(random.nextInt(spans.size())));
        chosen.sort((x, y) -> Integer.compare(y[0], x[0]));
        int last = Integer.MAX_VALUE;
        for (int[] s : chosen) {
            if (s[1] > last) continue; // the same or an overlapping span chosen twice
            b.replace(s[0], s[1], NUMBERS[random.nextInt(NUMBERS.length)]);
            last = s[0];
        }
        return b.toString();
    }

    /** Cycles each mutant may run: enough for every example to get going, few enough to keep the test short. */
    static final long CYCLE_LIMIT = 200_000;
    /** Host time one run may take before it counts as hung; the runs take milliseconds. */
    static final String TIME_LIMIT = "20s";

    /**
     * Run each mutant that passed validation, as a user would ({@code mkw run FILE --until N}).
     * Exit 0 (finished), 1 (a run-time error of the mutant's program) and 2 (refused) are fine;
     * 3 is a bug in MKW, and a run stopped by the host-time limit hung before its cycle limit.
     */
    private static void runEveryValidMutant(java.util.Map<Integer, String> valid) throws Exception {
        Path dir = Files.createTempDirectory("mkw-mutants");
        String savedLogDir = System.getProperty("mkw.logdir");
        System.setProperty("mkw.logdir", dir.resolve("logs").toString());
        java.util.Map<Integer, String> failures = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.Map<Integer, Integer> codes = new java.util.concurrent.ConcurrentHashMap<>();
        long start = System.nanoTime();
        try {
            valid.entrySet().parallelStream().forEach(e -> {
                int i = e.getKey();
                Path file = dir.resolve("m" + i + ".mkw");
                java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
                int code;
                try {
                    Files.writeString(file, e.getValue());
                    java.io.PrintStream none = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
                    code = new Mkw().run(List.of("run", file.toString(), "--quiet", "--until", Long.toString(CYCLE_LIMIT), "--time-limit", TIME_LIMIT),
                            new CliContext(none, new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), dir, dir));
                } catch (java.io.IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
                codes.merge(code, 1, Integer::sum);
                String message = err.toString(java.nio.charset.StandardCharsets.UTF_8);
                if (code == 3 || code < 0 || code > 3 || message.contains("host-time limit")) {
                    failures.put(i, "exit " + code + ": " + message.lines().limit(3).reduce("", (a, b) -> a + b + "\n") + "on:\n" + e.getValue());
                }
            });
        } finally {
            if (savedLogDir == null) System.clearProperty("mkw.logdir");
            else System.setProperty("mkw.logdir", savedLogDir);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println("RobustnessTest: ran " + valid.size() + " valid mutants in " + seconds + " s; exit codes " + codes);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + valid.size() + " valid mutants did not end with exit 0, 1 or 2 before their cycle limit; the first:\n"
                    + failures.values().iterator().next());
        }
        assertTrue(valid.size() > NUMBER_MUTATIONS / 4, "enough mutants pass validation to exercise the runs: " + valid.size());
    }

    /**
     * Every twentieth mutation works on a whole example; the others on a slice of about eight
     * lines of it. 10 000 whole files would be a million lines, minutes of parsing; slices keep
     * the test within seconds and still reach every construct (and start mid-construct).
     */
    static String piece(String text, int i, Random random) {
        if (i % 20 == 0) return text;
        List<String> lines = text.lines().toList();
        int from = random.nextInt(lines.size());
        return String.join("\n", lines.subList(from, Math.min(lines.size(), from + 8)));
    }

    static String mutate(String text, Random random) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) tokens.add(new Token(m.start(), m.end()));
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !tokens.isEmpty(); e++) {
            // Edit from the end backwards would keep offsets valid; one edit per re-tokenization is simpler.
            Token t = tokens.get(random.nextInt(tokens.size()));
            String tok = b.substring(t.start, t.end);
            switch (random.nextInt(4)) {
                case 0 -> b.delete(t.start, t.end);
                case 1 -> b.insert(t.end, " " + tok);
                case 2 -> {
                    Token u = tokens.get(random.nextInt(tokens.size()));
                    if (u.start != t.start) {
                        Token first = u.start < t.start ? u : t, second = u.start < t.start ? t : u;
                        if (first.end <= second.start) {
                            String a = b.substring(first.start, first.end), c = b.substring(second.start, second.end);
                            b.replace(second.start, second.end, a);
                            b.replace(first.start, first.end, c);
                        }
                    }
                }
                default -> b.insert(t.start, INSERTS[random.nextInt(INSERTS.length)] + " ");
            }
            tokens.clear();
            Matcher again = TOKEN.matcher(b);
            while (again.find()) tokens.add(new Token(again.start(), again.end()));
        }
        return b.toString();
    }
}
