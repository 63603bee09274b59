package dev.mkw.cli.experiment;

import java.util.List;
import java.util.function.ToLongFunction;

import dev.mkw.sim.report.RunReport;

/**
 * A claim of the literature, turned into runs: one scenario, one setting varied over its
 * values (the first is the baseline), one measured figure, and the direction the claim predicts.
 *
 * @param id       the word for {@code mkw experiment ID}
 * @param claim    the claim, in one sentence
 * @param source   where it is made (paper, lecture, manual)
 * @param scenario the example scenario (under examples/scenarios) it runs
 * @param settings settings applied before the varied one (e.g. a preset)
 * @param key      the varied setting ({@code kernel.scheduling}, {@code machine.mmu.taggedTlb}, ...)
 * @param values   its values; the claim compares the last with the first
 * @param metric   what is measured, for people
 * @param unit     its unit
 * @param measure  the figure from a run's report
 * @param lower    whether the claim predicts the last value gives a lower figure than the first
 */
public record Experiment(String id, String claim, String source, String scenario, List<String> settings, String key, List<String> values,
        String metric, String unit, ToLongFunction<RunReport> measure, boolean lower) {

    /** Whether {@code figures} (one per value, in order) bear the claim out: last against first, in the predicted direction. */
    public boolean reproduced(List<Long> figures) {
        long first = figures.get(0), last = figures.get(figures.size() - 1);
        return lower ? last < first : last > first;
    }
}
