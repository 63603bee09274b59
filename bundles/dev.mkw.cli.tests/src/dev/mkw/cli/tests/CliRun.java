package dev.mkw.cli.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.mkw.cli.CliContext;
import dev.mkw.cli.Mkw;

/** Runs {@code mkw} commands in this JVM for a test, keeping what they print. */
final class CliRun {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The checkout (the folder with examples/scenarios) above the test's working directory. */
    static Path home() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/scenarios"))) p = p.getParent();
        return p;
    }

    /** {@code mkw ARGS} started in {@code cwd}; returns the exit code. */
    int run(Path cwd, String... args) {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), cwd, home());
        return new Mkw().run(List.of(args), ctx);
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    String err() { return err.toString(StandardCharsets.UTF_8); }

    void resetOut() { out.reset(); }

    void resetErr() { err.reset(); }
}
