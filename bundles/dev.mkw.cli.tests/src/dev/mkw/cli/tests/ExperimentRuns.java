package dev.mkw.cli.tests;

import java.nio.file.Path;

import org.jfree.chart.JFreeChart;

import dev.mkw.cli.CliException;
import dev.mkw.cli.experiment.ExperimentChart;
import dev.mkw.cli.experiment.ExperimentFile;
import dev.mkw.cli.experiment.ExperimentResult;
import dev.mkw.cli.experiment.ExperimentRunner;

/** An experiment directory run in this JVM (reduced), for tests that look at its results and chart. */
record ExperimentRuns(ExperimentResult result) {

    static ExperimentRuns reduced(Path dir) throws CliException {
        return new ExperimentRuns(ExperimentRunner.runLocal(ExperimentFile.read(dir), true, 2, (done, total, status) -> { }));
    }

    JFreeChart chart() {
        return ExperimentChart.chart(result);
    }
}
