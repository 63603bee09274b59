package dev.mkw.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.Cache;
import dev.mkw.hw.sim.CacheSpec;
import dev.mkw.hw.sim.MemoryHierarchy;

/**
 * valgrind's cachegrind on the access patterns of {@link MemoryAccessBench}, for the ratio the
 * README reports. Issue 23's method: a native program makes the same accesses
 * ({@code pattern.c}: same working set, stride, jumps and share of stores, addresses computed in
 * registers); cachegrind runs it once with its cache simulation on and once with it off, with
 * its D1 and LL set to the preset's first-level data cache and last level; the difference in
 * time divided by the data references cachegrind counted is its cost of simulating one data
 * access (its I1 simulation of the loop's own instructions included, about twenty per access).
 * Each time is the least of a few runs, taken both as wall time (the clock JMH measures MKW with,
 * so the ratio compares like with like) and as the process's CPU time (user + system, from bash's
 * {@code times}), which other work on a shared host inflates less.
 */
final class Cachegrind {
    /** One pattern: cachegrind's nanoseconds per simulated data reference and how they were got (CPU seconds). */
    record Measurement(String pattern, long dataRefs, double wallOn, double wallOff, double cpuOn, double cpuOff) {
        /** By wall time, the clock JMH measures MKW with. */
        double nanosPerDataRef() { return Math.max(0, wallOn - wallOff) * 1e9 / dataRefs; }
        /** By the process's CPU time (user + system), which other work on the host inflates less. */
        double cpuNanosPerDataRef() { return Math.max(0, cpuOn - cpuOff) * 1e9 / dataRefs; }
    }

    private static final Pattern D_REFS = Pattern.compile("D\\s+refs:\\s+([0-9,]+)");
    /** bash's {@code times}: the shell's own user and system time, then its children's. */
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s\\s*$");

    private final Path work;
    private final Path program;
    private final String[] cacheOptions;

    private Cachegrind(Path work, Path program, String[] cacheOptions) {
        this.work = work;
        this.program = program;
        this.cacheOptions = cacheOptions;
    }

    /** Why cachegrind cannot be run here, or null when it can. */
    static String unavailable() {
        if (!onPath("valgrind")) return "valgrind is not installed (Debian: apt-get install valgrind)";
        if (!onPath("bash")) return "no bash to time valgrind with";
        if (!onPath("cc")) return "no C compiler (cc) to build the access pattern (Debian: apt-get install gcc)";
        return null;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    /** Build the pattern program and take the preset's cache geometry. */
    static Cachegrind prepare(String preset) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("mkw-cachegrind");
        Path source = work.resolve("pattern.c");
        try (InputStream in = Cachegrind.class.getResourceAsStream("pattern.c")) {
            Files.copy(in, source);
        }
        Path program = work.resolve("pattern");
        run(List.of("cc", "-O2", "-o", program.toString(), source.toString()), work, 60);
        return new Cachegrind(work, program, cacheOptions(preset));
    }

    /** --I1/--D1/--LL as size,ways,line from the preset's first-level caches and its last level. */
    static String[] cacheOptions(String preset) {
        MemoryHierarchy mem = MachinePresets.builtIn().machine(preset, 1).mem(0);
        Cache d1 = null, i1 = null, last = null;
        for (int i = 0; i < mem.cacheLevels(); i++) {
            Cache c = mem.cache(i);
            if (c.level() == 1 && c.kind() != CacheSpec.Kind.INSTRUCTION) d1 = c;
            if (c.level() == 1 && c.kind() != CacheSpec.Kind.DATA) i1 = c;
            if (last == null || c.level() > last.level()) last = c;
        }
        if (d1 == null || last == null || last == d1) throw new IllegalArgumentException(preset + ": cachegrind needs a first level and a last level");
        if (i1 == null) i1 = d1;
        return new String[] {"--I1=" + geometry(i1), "--D1=" + geometry(d1), "--LL=" + geometry(last)};
    }

    private static String geometry(Cache c) {
        return c.sizeBytes() + "," + c.ways() + "," + c.lineBytes();
    }

    Measurement measure(String pattern, long accesses, int repeats) throws IOException, InterruptedException {
        double wallOn = Double.MAX_VALUE, wallOff = Double.MAX_VALUE, cpuOn = Double.MAX_VALUE, cpuOff = Double.MAX_VALUE;
        long refs = 0;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            String out = run(timed(command("--cache-sim=no", pattern, accesses)), work, 600);
            wallOff = Math.min(wallOff, (System.nanoTime() - t0) / 1e9);
            cpuOff = Math.min(cpuOff, cpuSeconds(out));
            t0 = System.nanoTime();
            out = run(timed(command("--cache-sim=yes", pattern, accesses)), work, 600);
            wallOn = Math.min(wallOn, (System.nanoTime() - t0) / 1e9);
            cpuOn = Math.min(cpuOn, cpuSeconds(out));
            Matcher m = D_REFS.matcher(out);
            if (!m.find()) throw new IOException("cachegrind printed no 'D refs' line:\n" + out);
            refs = Long.parseLong(m.group(1).replace(",", ""));
        }
        return new Measurement(pattern, refs, wallOn, wallOff, cpuOn, cpuOff);
    }

    /** The command under bash, which prints its children's CPU time when it ends. */
    private static List<String> timed(List<String> command) {
        List<String> c = new ArrayList<>(List.of("bash", "-c", "\"$@\" || exit $?; times", "bash"));
        c.addAll(command);
        return c;
    }

    /** The children's user + system seconds from the last line {@code times} printed. */
    private static double cpuSeconds(String out) throws IOException {
        Matcher m = TIMES.matcher(out.strip());
        if (!m.find()) throw new IOException("no CPU times after the valgrind run:\n" + out);
        return Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2)) + Long.parseLong(m.group(3)) * 60 + Double.parseDouble(m.group(4));
    }

    private List<String> command(String sim, String pattern, long accesses) {
        List<String> c = new ArrayList<>(List.of("valgrind", "--tool=cachegrind", sim, "--cachegrind-out-file=/dev/null"));
        c.addAll(List.of(cacheOptions));
        c.addAll(List.of(program.toString(), pattern, Long.toString(accesses)));
        return c;
    }

    String describe() {
        return String.join(" ", cacheOptions);
    }

    private static String run(List<String> command, Path dir, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + ": still running after " + timeoutSeconds + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + text);
        return text;
    }
}
