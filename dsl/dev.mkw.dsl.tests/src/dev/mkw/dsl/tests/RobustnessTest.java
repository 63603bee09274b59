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

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;

/**
 * 10 000 seeded mutations of the examples (delete, duplicate, swap and insert tokens): parse,
 * validate and translate never throw, only report, and every diagnostic points inside the file.
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
        });
        assertTrue(withErrors.get() > MUTATIONS / 4, "the mutations should break many files: " + withErrors);
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
