package dev.mkw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.cli.sweep.SweepJob;
import dev.mkw.dsl.ScenarioLoader;

/**
 * What executors on other machines get: the scenario's text and its imports' texts, loaded
 * under the driver's file names without reading the driver's disk.
 */
class ScenarioSourcesTest {

    @Test
    void importsTravelWithTheScenarioAndRowsKeepTheDriversFileNames(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/pagers.mkw"), """
                scenario BrokenPager "a pager that breaks on its first fault"
                task broken pager root {
                    thread pager priority 200 {
                        wait any as fault
                        raise divide-error
                    }
                }
                """);
        Path main = dir.resolve("client.mkw");
        Files.writeString(main, """
                import "lib/pagers.mkw"
                scenario Client "a client of the library's pager"
                task app pager broken.pager {
                    region 0x20000000 size 64K rw
                    thread main priority 100 { touch 0x20000000 .. 0x20004000 stride 4K write }
                }
                run until all-done
                """);
        List<String> specs = List.of("run.seed=1,2");
        SweepJob onDriver = SweepJob.of(main, ScenarioLoader.standalone().load(main).scenario(), specs, List.of());
        List<String> expected = onDriver.row(0);
        assertEquals("error", expected.get(onDriver.table().statusColumn()));
        assertTrue(expected.get(expected.size() - 1).startsWith(main + ":"), "the error names the file: " + expected);

        ScenarioSources sources = ScenarioSources.collect(main);
        assertEquals(List.of(main.toString(), dir.resolve("lib/pagers.mkw").toString()), sources.files());
        // The executor's machine has neither file.
        Files.delete(dir.resolve("lib/pagers.mkw"));
        Files.delete(main);
        PointTask task = new PointTask(sources, specs, List.of());
        assertEquals(expected, task.row(0));
        assertEquals(onDriver.row(1), task.row(1));
    }

    /** Say a plugin's preset is missing on an executor: here the text itself does not load there; each point is a failed row. */
    @Test
    void aScenarioThatDoesNotLoadOnAnExecutorGivesFailedRows(@TempDir Path dir) throws Exception {
        Path main = dir.resolve("lonely.mkw");
        Files.writeString(main, "scenario Lonely \"does not load\"\nmachine preset no_such_machine\nrun until all-done\n");
        ScenarioSources sources = ScenarioSources.collect(main);
        List<String> row = new PointTask(sources, List.of("run.seed=3"), List.of("cycles")).row(0);
        assertEquals(List.of("0", "3", "failed", ""), row.subList(0, 4));
        assertTrue(row.get(4).startsWith("the scenario does not load on this executor: " + main + ":"), row.toString());
    }

    @Test
    void theDigestFollowsTheTexts(@TempDir Path dir) throws Exception {
        Path main = dir.resolve("a.mkw");
        Files.writeString(main, "scenario A \"one\"\nrun until all-done\n");
        String first = ScenarioSources.collect(main).digest();
        assertEquals(first, ScenarioSources.collect(main).digest());
        Files.writeString(main, "scenario A \"two\"\nrun until all-done\n");
        assertNotEquals(first, ScenarioSources.collect(main).digest());
    }
}
