package dev.mkw.cli.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An experiment as its directory states it ({@code experiment.mkwx}, read by
 * {@link ExperimentFile}): a scenario of the directory, fixed settings, the varied axes (the
 * first is the plot's x axis, the others make its series), the measured figure, the settings
 * of the test suite's reduced run, and the claims the runs are checked against.
 *
 * @param dir      the experiment's directory; its name is the experiment's id
 * @param title    one line for people
 * @param scenario the scenario file, inside {@code dir}
 * @param sets     fixed {@code KEY=VALUE} settings (a preset, a parameter)
 * @param varies   {@code KEY=V1,V2,...} axes, as {@code mkw sweep --vary} takes them
 * @param metric   the measured figure: a sweep metric ({@code ipc_avg_cycles}, {@code path:ipc.slowpath}, ...)
 * @param unit     the figure's unit, for tables and axes
 * @param reduced  {@code KEY=VALUE} settings that make the run small for the test suite (fewer rounds)
 * @param claims   what the literature says, each checked by a comparison of points
 * @param requires what the experiment needs beyond MKW itself ({@code requires hardware ID from WHERE}): a plugin's hardware
 */
public record ExperimentSpec(Path dir, String title, Path scenario, List<String> sets, List<String> varies, String metric, String unit,
        List<String> reduced, List<Claim> claims, List<Requirement> requires) {

    public ExperimentSpec {
        sets = List.copyOf(sets);
        varies = List.copyOf(varies);
        reduced = List.copyOf(reduced);
        claims = List.copyOf(claims);
        requires = List.copyOf(requires);
    }

    /** An experiment that needs nothing beyond MKW. */
    public ExperimentSpec(Path dir, String title, Path scenario, List<String> sets, List<String> varies, String metric, String unit,
            List<String> reduced, List<Claim> claims) {
        this(dir, title, scenario, sets, varies, metric, unit, reduced, claims, List.of());
    }

    /**
     * A plugin's contribution the experiment's scenario uses: cross-domain call hardware {@code id}
     * (extension point {@code dev.mkw.hw.cpuFeatures}), contributed by what {@code from} names.
     */
    public record Requirement(String hardware, String from) {
        /** Why this MKW installation cannot run it, or null when the hardware is installed. */
        public String missing() {
            if (dev.mkw.hw.sim.CpuFeatures.standard().domainCall(hardware) != null) return null;
            return "needs the cross-domain call hardware '" + hardware + "', which no installed plugin contributes"
                    + (from.isEmpty() ? "" : " (it comes from " + from + ")");
        }
    }

    /** Why this MKW installation cannot run the experiment (a plugin it needs is not installed), or null. */
    public String missing() {
        for (Requirement r : requires) {
            String m = r.missing();
            if (m != null) return m;
        }
        return null;
    }

    public String id() {
        return dir.getFileName().toString();
    }

    /**
     * The sweep this experiment runs: its fixed settings (reduced ones overriding) as axes of
     * one value each, then its varied axes; a reduced setting of a varied key replaces that axis.
     */
    public List<String> sweepSpecs(boolean reducedRun) {
        List<String> fixed = new ArrayList<>(sets);
        List<String> axes = new ArrayList<>(varies);
        if (reducedRun) {
            for (String r : reduced) {
                String key = key(r);
                fixed.removeIf(s -> key(s).equals(key));
                if (axes.removeIf(s -> key(s).equals(key))) axes.add(r); else fixed.add(r);
            }
        }
        List<String> specs = new ArrayList<>(fixed);
        specs.addAll(axes);
        return specs;
    }

    /** The varied keys in order: the x axis first. */
    public List<String> axisKeys() {
        return varies.stream().map(ExperimentSpec::key).toList();
    }

    static String key(String setting) {
        int eq = setting.indexOf('=');
        return eq < 0 ? setting.trim() : setting.substring(0, eq).trim();
    }
}
