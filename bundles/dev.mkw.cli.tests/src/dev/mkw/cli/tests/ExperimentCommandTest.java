package dev.mkw.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.cli.experiment.Experiment;
import dev.mkw.cli.experiment.Experiments;

/** Issue 22: {@code mkw experiment} checks a claim of the literature in one command, with its figures, chart and verdict. */
class ExperimentCommandTest {

    @Test
    void everyBuiltInClaimIsReproducedByTheModel() {
        for (Experiment e : Experiments.BUILT_IN) {
            CliRun cli = new CliRun();
            assertEquals(0, cli.run(CliRun.home(), "experiment", e.id(), "--strict"), e.id() + ": " + cli.out() + cli.err());
            assertTrue(cli.out().contains("reproduced: ") && !cli.out().contains("NOT reproduced"), cli.out());
            assertTrue(cli.out().contains(e.source()), "the claim's source is named: " + cli.out());
            for (String v : e.values()) assertTrue(cli.out().contains(v), v + " has its row: " + cli.out());
        }
    }

    @Test
    void theChartIsWrittenAndMistakesAreRefused(@TempDir Path dir) throws Exception {
        CliRun cli = new CliRun();
        Path svg = dir.resolve("benno.svg");
        assertEquals(0, cli.run(CliRun.home(), "experiment", "benno", "--svg", svg.toString()), cli.err());
        String chart = Files.readString(svg);
        assertTrue(chart.startsWith("<svg") && chart.contains("kernel.scheduling=benno") && chart.contains("kernel.scheduling=eager"), chart);
        assertEquals(0, cli.run(CliRun.home(), "experiment", "list"), cli.err());
        assertTrue(cli.out().contains("tagged-tlb") && cli.out().contains("fastpath"), cli.out());
        assertEquals(2, cli.run(CliRun.home(), "experiment", "no-such-claim"));
        assertTrue(cli.err().contains("unknown experiment 'no-such-claim'"), cli.err());
    }
}
