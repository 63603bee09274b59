package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;

/** Every shipped example loads without errors or warnings; the deliberate error gives its expected message. */
class ExamplesTest {

    @Test
    void everyExampleChecksClean() throws Exception {
        List<Path> files = Scenarios.exampleFiles();
        assertTrue(files.size() >= 10, "examples: " + files);
        for (Path f : files) {
            LoadResult r = ScenarioLoader.standalone().load(f);
            assertEquals(List.of(), Scenarios.formatted(r), f.toString());
            assertNotNull(r.scenario(), f.toString());
            assertFalse(r.scenario().tasks().isEmpty(), f.toString());
        }
    }

    @Test
    void deliberateErrorGivesTheExpectedMessage() throws Exception {
        Path dir = Scenarios.examples().resolve("errors");
        Path file = dir.resolve("typo-preset.mkw");
        LoadResult r = ScenarioLoader.standalone().load(file);
        String expected = Files.readString(dir.resolve("typo-preset.expected")).strip()
                .replace("FILE", file.toAbsolutePath().normalize().toString());
        assertEquals(expected, String.join("\n", Scenarios.formatted(r)));
        assertTrue(r.hasErrors());
        assertEquals(Diagnostic.Severity.ERROR, r.diagnostics().get(0).severity());
    }
}
