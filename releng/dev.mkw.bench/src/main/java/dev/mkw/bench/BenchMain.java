package dev.mkw.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import dev.mkw.sim.bench.Benchmark;

/**
 * {@code mkw bench}: every benchmark under JMH (each in forked JVMs of its own, warm-up and
 * measured iterations, the error of the mean), the plugins' contributed benchmarks included;
 * then the rates and ratios the README reports, cachegrind on the same access patterns when
 * valgrind is installed, and the scale figures (heap of 100 k threads and of 1 M mappings).
 */
public final class BenchMain {
    static final String USAGE = """
            Usage: mkw bench [--quick] [--only REGEX] [--forks N] [--json FILE] [--no-cachegrind] [--no-scale] [--plugins DIR]

            Runs MKW's speed benchmarks under JMH, each in forked JVMs (default: 2 forks, 3 warm-up and 5
            measured iterations of 1 s), and prints per benchmark the rate, the time per unit, JMH's error
            (99.9 % confidence interval of the mean) and the cost in host memory accesses measured in the same
            run; then short IPCs per host second, trace on / off, the ratio to valgrind's cachegrind on the same
            access patterns (when valgrind and cc are installed), and the scale figures: the heap of a run with
            100 k threads and of 1 M mappings, and the time to load a 10 000-line scenario.

              --quick          1 fork, short iterations, smaller scale checks: a smoke run, less exact figures
              --only REGEX     only the JMH benchmarks whose name matches (e.g. ShortIpc, MemoryAccessBench)
              --forks N        forked JVMs per benchmark
              --json FILE      also write JMH's results as JSON
              --no-cachegrind  skip the cachegrind comparison
              --no-scale       skip the heap and mapping-table checks
              --plugins DIR    also run the benchmarks that plugin jars in DIR contribute (./mkw passes the
                               headless product's plugins folder)
            """;

    private BenchMain() {}

    /** Xtext's log4j configuration, for this JVM and every fork. */
    static final String LOG4J = "-Dlog4j.configuration=mkw-bench-log4j.properties";

    public static void main(String[] args) {
        System.setProperty("log4j.configuration", "mkw-bench-log4j.properties");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions o;
        try {
            o = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("mkw bench: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (o.help()) {
            out.print(USAGE);
            return 0;
        }
        try {
            List<String> problems = new ArrayList<>();
            Map<String, String> units = new HashMap<>();
            List<String> contributed = contributions(o, problems, units);
            for (String p : problems) err.println("mkw bench: " + p);
            List<Row> rows = measure(o, contributed, units, out);
            out.println();
            out.print(BenchTable.render(rows));
            Summary.print(rows, out);
            if (o.cachegrind()) Summary.cachegrind(rows, o.quick(), out);
            if (o.scale()) Summary.scale(o.quick(), out);
            return 0;
        } catch (RunnerException e) {
            err.println("mkw bench: a benchmark failed: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("mkw bench: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * The plugins' benchmark names (and units). Their jars join this JVM's class path property,
     * which JMH gives every fork, so a fork loads them like MKW's own classes.
     */
    private static List<String> contributions(BenchOptions o, List<String> problems, Map<String, String> units) throws IOException {
        List<URL> jars = new ArrayList<>();
        if (o.plugins() != null) {
            try (Stream<Path> s = Files.list(o.plugins())) {
                for (Path p : s.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    if (PluginJars.contributesBenchmarks(p)) jars.add(p.toUri().toURL());
                }
            }
            StringBuilder cp = new StringBuilder(System.getProperty("java.class.path"));
            for (URL u : jars) cp.append(File.pathSeparator).append(Path.of(java.net.URI.create(u.toString())));
            System.setProperty("java.class.path", cp.toString());
        }
        ClassLoader loader = jars.isEmpty() ? BenchMain.class.getClassLoader()
                : new URLClassLoader(jars.toArray(URL[]::new), BenchMain.class.getClassLoader());
        List<String> names = new ArrayList<>();
        for (Benchmark b : ContributedBenchmarks.discover(loader, problems)) {
            names.add(b.name());
            units.put(b.name(), b.unit());
        }
        return names;
    }

    private static List<Row> measure(BenchOptions o, List<String> contributed, Map<String, String> units, PrintStream out)
            throws RunnerException, IOException {
        Path log = Files.createTempFile("mkw-bench-jmh", ".log");
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(o.only() == null ? "dev\\.mkw\\.bench\\..*" : o.only())
                .forks(o.forks())
                .warmupIterations(o.quick() ? 1 : 3).warmupTime(TimeValue.milliseconds(o.quick() ? 300 : 1000))
                .measurementIterations(o.quick() ? 3 : 5).measurementTime(TimeValue.milliseconds(o.quick() ? 300 : 1000))
                .jvmArgsAppend("-Xmx2g", "--sun-misc-unsafe-memory-access=allow", LOG4J)
                .shouldFailOnError(true)
                .output(log.toString());
        if (contributed.isEmpty()) b.exclude("ContributedBench");
        else b.param("name", contributed.toArray(String[]::new));
        if (o.json() != null) b.result(o.json().toString()).resultFormat(ResultFormatType.JSON);
        out.printf(Locale.ROOT, "mkw bench: JMH, %d fork(s) per benchmark; its log: %s%n", o.forks(), log);
        List<Row> rows = new ArrayList<>();
        for (RunResult r : new Runner(b.build()).run()) rows.add(Row.of(r, units));
        // The baseline first, the rest in JMH's order (by name).
        rows.sort((x, y) -> Boolean.compare(!x.name().equals("host.memory-access"), !y.name().equals("host.memory-access")));
        return rows;
    }
}
