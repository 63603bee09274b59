package dev.mkw.cli.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mkw.cli.sweep.SweepJob;

/**
 * The runs of an experiment: one row per point of its sweep (the engines' rows, byte for byte
 * those of {@code mkw sweep}), read back as the varied settings and the measured figure.
 */
public final class ExperimentResult {
    private final ExperimentSpec spec;
    private final SweepJob job;
    private final List<List<String>> rows;
    private final boolean reduced;

    ExperimentResult(ExperimentSpec spec, SweepJob job, List<List<String>> rows, boolean reduced) {
        this.spec = spec;
        this.job = job;
        this.rows = List.copyOf(rows);
        this.reduced = reduced;
    }

    public ExperimentSpec spec() { return spec; }

    public SweepJob job() { return job; }

    public List<List<String>> rows() { return rows; }

    /** Whether this was the test suite's reduced run. */
    public boolean reduced() { return reduced; }

    public int size() { return rows.size(); }

    /** Every setting of point {@code i} (fixed ones too), in axis order. */
    public Map<String, String> settings(int i) {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> keys = job.sweep().keys();
        for (int k = 0; k < keys.size(); k++) m.put(keys.get(k), rows.get(i).get(1 + k));
        return m;
    }

    /** The varied settings of point {@code i} (the experiment's axes), in axis order. */
    public Map<String, String> varied(int i) {
        Map<String, String> all = settings(i);
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : spec.axisKeys()) m.put(k, all.get(k));
        return m;
    }

    public boolean ok(int i) {
        return rows.get(i).get(job.table().statusColumn()).equals("ok");
    }

    /** The measured figure of point {@code i}, or NaN for a run that failed. */
    public double figure(int i) {
        if (!ok(i)) return Double.NaN;
        String cell = rows.get(i).get(job.table().statusColumn() + 1);
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    /** The error of point {@code i}'s run, or empty. */
    public String error(int i) {
        List<String> r = rows.get(i);
        return r.get(r.size() - 1);
    }

    /** The points that failed, as "point N (settings): error" lines. */
    public List<String> failures() {
        List<String> f = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) if (!ok(i)) f.add("point " + i + " (" + Claim.describe(varied(i)) + "): " + error(i));
        return f;
    }

    /** The first point whose settings include every one of {@code wanted}; -1 if none. */
    int find(Map<String, String> wanted) {
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> s = settings(i);
            if (wanted.entrySet().stream().allMatch(e -> e.getValue().equals(s.get(e.getKey())))) return i;
        }
        return -1;
    }
}
