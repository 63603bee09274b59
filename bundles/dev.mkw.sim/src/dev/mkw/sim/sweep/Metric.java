package dev.mkw.sim.sweep;

import java.util.function.Function;

import dev.mkw.sim.report.RunReport;

/**
 * A number taken from a run report, a column of a sweep's table.
 *
 * @param name    the CSV column name
 * @param extract the value, already formatted (deterministically)
 * @param kind    what the text holds, for writers of typed tables (Parquet): the CSV is text either way
 */
public record Metric(String name, Function<RunReport, String> extract, Kind kind) {

    /** What a column's text holds. */
    public enum Kind {
        /** A whole number (cycles, counts), written by {@link Long#toString(long)}. */
        COUNT,
        /** A decimal number in plain notation ({@code dev.mkw.sim.export.Decimals}). */
        DECIMAL,
        /** Anything else. */
        TEXT
    }

    /** A metric whose text is not known to be a number. */
    public Metric(String name, Function<RunReport, String> extract) {
        this(name, extract, Kind.TEXT);
    }

    public String of(RunReport r) { return extract.apply(r); }
}
