package dev.mkw.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.mkw.cli.CliContext;

/** {@code mkw sweep} in this JVM, as the application jar's main runs it, with its output captured. */
final class Cli {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The checkout (the build passes it as mkw.home; from an IDE, found upwards from here). */
    static Path home() {
        String h = System.getProperty("mkw.home");
        if (h != null) return Path.of(h);
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/scenarios"))) p = p.getParent();
        return p;
    }

    static Path example(String name) {
        return home().resolve("examples/scenarios").resolve(name);
    }

    int sweep(Path cwd, String... args) {
        out.reset();
        err.reset();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), cwd, home());
        return SparkSweep.run(List.of(args), ctx);
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    String err() { return err.toString(StandardCharsets.UTF_8); }
}
