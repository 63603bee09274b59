package dev.mkw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mkw experiment --engine spark}: an experiment's sweep (with a scenario parameter and
 * a machine field among its axes) runs as Spark tasks and gives the local engine's report,
 * byte for byte.
 */
class SparkExperimentTest {
    private final Cli cli = new Cli();

    @Test
    void anExperimentOnSparkWritesTheLocalEnginesReport(@TempDir Path dir) throws Exception {
        assertEquals(0, cli.sweep(dir, "experiment", "tagged-tlb", "--reduced", "--engine", "local", "--out", "local"), cli.err());
        assertEquals(0, cli.sweep(dir, "experiment", "tagged-tlb", "--reduced", "--master", "local[2]", "--out", "spark"), cli.err());
        assertTrue(cli.out().contains("tagged-tlb") && cli.out().contains("reproduced"), cli.out());
        for (String f : List.of("results.csv", "report.md", "report.html", "plot.svg")) {
            assertEquals(Files.readString(dir.resolve("local/tagged-tlb").resolve(f)), Files.readString(dir.resolve("spark/tagged-tlb").resolve(f)), f);
        }
        assertTrue(Files.readString(dir.resolve("spark/tagged-tlb/results.csv")).startsWith("point,param.rounds,param.ws,machine.mmu.taggedTlb,status,tlb_misses,error"),
                Files.readString(dir.resolve("spark/tagged-tlb/results.csv")));
    }
}
