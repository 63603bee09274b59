package dev.mkw.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.TaskContext;

import dev.mkw.cli.CliException;
import dev.mkw.cli.sweep.SweepJob;
import dev.mkw.sim.sweep.SweepOutcome;

import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * One Spark task: the partition holds one point index; the task gives that point's row,
 * made by {@link SweepJob#row(int)} (the local engine's row function). It ships only
 * strings (the scenario's texts, the {@code --vary} specs, the metric names); each executor
 * JVM loads the scenario once per sweep and keeps it for the sweep's other tasks. A retried
 * task (a lost executor) runs the same deterministic simulation and gives the same row.
 */
final class PointTask extends AbstractFunction2<TaskContext, Iterator<Integer>, String[]> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Jobs this executor JVM has loaded, by {@link #key}. */
    private static final Map<String, SweepJob> JOBS = new ConcurrentHashMap<>();

    private final ScenarioSources sources;
    private final List<String> varySpecs;
    private final List<String> metricNames;
    private final String key;

    PointTask(ScenarioSources sources, List<String> varySpecs, List<String> metricNames) {
        this.sources = sources;
        this.varySpecs = List.copyOf(varySpecs);
        this.metricNames = List.copyOf(metricNames);
        this.key = sources.digest() + "\u0000" + String.join("\u0001", varySpecs) + "\u0000" + String.join("\u0001", metricNames);
    }

    /**
     * In local mode the executors are threads of the driver's JVM: they take the driver's own job
     * (its scenario already loaded and checked, each combination of parameters loaded once, the
     * local engine's very rows) instead of loading the shipped texts again. Until {@link #unshare}.
     */
    void shareLocally(SweepJob driverJob) {
        JOBS.put(key, driverJob);
    }

    void unshare() {
        JOBS.remove(key);
    }

    @Override
    public String[] apply(TaskContext context, Iterator<Integer> points) {
        if (!points.hasNext()) throw new IllegalStateException("a sweep task without a point");
        int index = points.next();
        return row(index).toArray(String[]::new);
    }

    /** The row of point {@code index}: a run, or (when the scenario does not load here) a failed row saying why. */
    List<String> row(int index) {
        SweepJob job;
        try {
            job = JOBS.computeIfAbsent(key, k -> of(sources.load()));
        } catch (RuntimeException e) {
            SweepJob empty = of(null);
            return empty.table().row(new SweepOutcome(empty.sweep().point(index), null, e.getMessage()));
        }
        return job.row(index);
    }

    private SweepJob of(dev.mkw.scenario.Scenario scenario) {
        try {
            // A point with parameters loads the shipped texts again with their values (once per combination).
            return SweepJob.of(Path.of(sources.mainFile()), scenario, params -> {
                try {
                    return sources.load(params);
                } catch (IllegalStateException e) {
                    throw new CliException(e.getMessage());
                }
            }, varySpecs, metricNames);
        } catch (CliException e) {
            // The driver built the same job from the same strings before shipping them.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
