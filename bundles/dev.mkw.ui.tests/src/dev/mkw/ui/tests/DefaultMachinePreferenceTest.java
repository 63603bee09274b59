package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.run.Simulation;
import dev.mkw.ui.prefs.MkwPreferences;
import dev.mkw.ui.run.ScenarioRun;

/** Window > Preferences > MKW: the machine of a scenario that names none; a scenario that names one keeps it. */
class DefaultMachinePreferenceTest {
    private static final String TASKS = "task a pager root { thread t priority 10 { compute 1000 cycles } }\nrun until all-done\n";

    @Test
    void scenariosWithoutAMachineRunOnThePreferredPreset(@TempDir Path dir) throws Exception {
        Path bare = Files.writeString(dir.resolve("bare.mkw"), "scenario Bare\n" + TASKS);
        Path named = Files.writeString(dir.resolve("named.mkw"), "scenario Named\nmachine preset cortex_a9\n" + TASKS);
        try {
            assertEquals("i486_50", preset(bare), "the built-in default");
            MkwPreferences.setDefaultPreset("pentium_100");
            assertEquals("pentium_100", MkwPreferences.defaultPreset(), "stored");
            assertEquals("pentium_100", preset(bare), "a scenario without a machine takes the preference");
            assertEquals("cortex_a9", preset(named), "a scenario that names its machine keeps it");
            MkwPreferences.setDefaultPreset("no_such_machine");
            assertEquals("i486_50", preset(bare), "an unknown stored preset falls back to the built-in default");
        } finally {
            MkwPreferences.setDefaultPreset("i486_50");
        }
    }

    private static String preset(Path file) throws Exception {
        Simulation sim = ScenarioRun.prepare(file, List.of());
        return sim.scenario().machine().preset();
    }
}
