package dev.mkw.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mkw bench} end to end with tiny iterations: a smoke run, not a timing (speed is what
 * ./mkw bench reports, never what a test asserts).
 */
class BenchMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int bench(String... args) {
        return BenchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    @Test
    void aContributedBenchmarkRunsInAForkedJvmBesideTheBaseline() {
        assertEquals(0, bench("--quick", "--forks", "1", "--only", "ContributedBench|HostMemoryBench", "--no-cachegrind", "--no-scale"), err.toString());
        String o = out();
        assertTrue(o.contains("1 fork(s) per benchmark"), o);
        assertTrue(o.lines().anyMatch(l -> l.startsWith("host.memory-access ") && l.endsWith(" 1.000") && l.contains(" ns ")), o);
        assertTrue(o.lines().anyMatch(l -> l.startsWith("test.counting ") && l.contains(" count ")), o);
        assertTrue(o.contains("error (99.9 %)"), o);
    }

    @Test
    void badOptionsAreRefusedWithExitCode2() {
        assertEquals(2, bench("--forks", "many"));
        assertTrue(err.toString().contains("--forks: 'many' is not a whole number"), err.toString());
        assertEquals(2, bench("--frobnicate"));
        assertEquals(2, bench("--only", "("));
        assertEquals(2, bench("--plugins", "/no/such/dir"));
        assertEquals(0, bench("--help"));
        assertTrue(out().startsWith("Usage: mkw bench"), out());
    }

    @Test
    void discoveryFindsServicesAndPluginXmlButNotTheBuiltIns(@TempDir Path dir) throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> names = ContributedBenchmarks.discover(getClass().getClassLoader(), problems).stream().map(b -> b.name()).toList();
        assertEquals(List.of("test.counting"), names);
        assertTrue(problems.isEmpty(), problems.toString());

        Path plugin = dir.resolve("plugin.jar"), other = dir.resolve("other.jar");
        jar(plugin, "plugin.xml", "<plugin><extension point=\"dev.mkw.sim.benchmarks\"><benchmark id=\"x\" class=\"dev.mkw.bench.CountingBenchmark\"/></extension></plugin>");
        jar(other, "plugin.xml", "<plugin><extension point=\"dev.mkw.sim.analyses\"/></plugin>");
        assertTrue(PluginJars.contributesBenchmarks(plugin));
        assertFalse(PluginJars.contributesBenchmarks(other));
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {plugin.toUri().toURL()}, getClass().getClassLoader())) {
            problems.clear();
            names = ContributedBenchmarks.discover(loader, problems).stream().map(b -> b.name()).toList();
            assertEquals(List.of("test.counting"), names, "the same class from plugin.xml and a service entry is one benchmark");
            assertTrue(problems.isEmpty(), problems.toString());
        }
    }

    @Test
    void cachegrindIsSetToThePresetsFirstAndLastLevel() {
        assertArrayEquals(new String[] {"--I1=32768,4,32", "--D1=32768,4,32", "--LL=1048576,16,32"}, Cachegrind.cacheOptions("cortex_a9"));
    }

    private static void jar(Path file, String entry, String text) throws Exception {
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(file))) {
            j.putNextEntry(new JarEntry(entry));
            j.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
