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
 */
public record ExperimentSpec(Path dir, String title, Path scenario, List<String> sets, List<String> varies, String metric, String unit,
        List<String> reduced, List<Claim> claims) {

    public ExperimentSpec {
        sets = List.copyOf(sets);
        varies = List.copyOf(varies);
        reduced = List.copyOf(reduced);
        claims = List.copyOf(claims);
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
