package dev.mkw.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** {@code mkw run --html FILE}: one self-contained page with the workbench's charts, and the numbers behind them. */
class HtmlReportTest {
    private final CliRun cli = new CliRun();

    private int mkw(Path cwd, String... args) { return cli.run(cwd, args); }

    @Test
    void pingPongReportHasEveryChartAndNeedsNoOtherFile(@TempDir Path dir) throws Exception {
        assertEquals(0, mkw(dir, "run", "ping-pong", "--html", "report.html"), cli.err());
        String html = Files.readString(dir.resolve("report.html"));
        // A copy to look at (target/ of the test bundle), as the UI tests keep their screenshots.
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/ping-pong-report.html"), html);
        String text = cli.out();
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.strip().endsWith("</html>"));
        // The five charts of the workbench, each an inline SVG under its heading.
        for (String h : List.of("Kernel paths", "IPC latency", "TLB and caches", "CPU share", "Timeline excerpt")) {
            assertTrue(html.contains("<h2>" + h + "</h2>"), "section " + h);
        }
        assertEquals(5, count(html, "<svg "), "five charts");
        // The same numbers as the text report: the cycle count, the fast path, the threads.
        Matcher cycles = Pattern.compile("Cycles\\s+(\\d+)").matcher(text);
        assertTrue(cycles.find(), text);
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(cycles.group(1)))), "the run's cycles");
        assertTrue(html.contains(">ipc.fastpath<") && html.contains(">client.ping<") && html.contains(">server.pong<"));
        // The timeline excerpt draws the ping-pong IPCs as arrows between the two thread lanes.
        assertTrue(html.contains("IPCs as arrows") && count(html, "stroke=\"#3c3cc8\"") >= 2, "IPC arrows in the timeline");
        // Self-contained: no scripts, no links or images to fetch; the only URL is the SVG namespace.
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("href=") || html.contains("<link"));
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), "no external reference");

        // Deterministic: the same run writes the same bytes.
        assertEquals(0, mkw(dir, "run", "ping-pong", "--html", "again.html", "--quiet"));
        assertEquals(html, Files.readString(dir.resolve("again.html")));
    }

    @Test
    void aRunWithoutTraceSaysWhyThereIsNoTimeline(@TempDir Path dir) throws Exception {
        assertEquals(0, mkw(dir, "run", "ping-pong", "--trace", "off", "--html", "r.html", "--quiet"), cli.err());
        String html = Files.readString(dir.resolve("r.html"));
        assertTrue(html.contains("Tracing was off for this run"));
        assertEquals(4, count(html, "<svg "), "the other four charts are there");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
