package dev.mkw.sim.sweep;

import java.util.function.Function;

import dev.mkw.sim.report.RunReport;

/**
 * A number taken from a run report, a column of a sweep's table.
 *
 * @param name    the CSV column name
 * @param extract the value, already formatted (deterministically)
 */
public record Metric(String name, Function<RunReport, String> extract) {
    public String of(RunReport r) { return extract.apply(r); }
}
