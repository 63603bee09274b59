package dev.mkw.dsl.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;

/** Shared test helpers: where the examples are, and short scenario texts around a body. */
final class Scenarios {
    private Scenarios() {}

    /** examples/scenarios of the repository (tests run in dsl/dev.mkw.dsl.tests). */
    static Path examples() {
        Path p = Path.of("../../examples/scenarios").toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) throw new IllegalStateException("no examples at " + p);
        return p;
    }

    static List<Path> exampleFiles() throws Exception {
        try (Stream<Path> s = Files.list(examples())) {
            return s.filter(f -> f.toString().endsWith(".mkw")).sorted().toList();
        }
    }

    /** A scenario with a machine and the given tasks/elements. */
    static String with(String elements) {
        return "scenario T \"test\"\nmachine preset i486_50\n" + elements + "\nrun until all-done\n";
    }

    static List<String> formatted(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::format).toList();
    }
}
