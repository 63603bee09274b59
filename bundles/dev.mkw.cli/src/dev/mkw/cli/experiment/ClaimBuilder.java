package dev.mkw.cli.experiment;

import java.util.List;
import java.util.Map;

import dev.mkw.cli.commands.FidelityCommand;

/** A claim's lines as they are read; {@link #build} checks it against the axes. */
final class ClaimBuilder {
    final String id;
    final int line;
    int compareLine, figureLine, publishedLine;
    /** compare A / B was given; at SETTINGS (or a reference) was given. */
    boolean compared, at;
    String says, source, publishedText, expectUnit;
    FidelityCommand.Reference reference;
    Map<String, String> a, b, where = Map.of();
    Claim.Direction direction;
    Double published;
    Double tolerance;

    ClaimBuilder(String id, int line) {
        this.id = id;
        this.line = line;
    }

    Claim build(ExperimentFile f, Map<String, List<String>> axes, Map<String, String> fixed, String metric, String unit) {
        int before = f.problemCount();
        if (says == null) f.problem(line, 1, "claim " + id + " does not say what it claims (says TEXT)");
        if (source == null) f.problem(line, 1, "claim " + id + " names no source (source TEXT: paper, section, table)");
        if (at || figureLine > 0) return buildAbsolute(f, axes, fixed, metric, unit, before);
        if (a == null) f.problem(line, 1, "claim " + id + " compares nothing (compare A / B)");
        if (direction == null) f.problem(line, 1, "claim " + id + " predicts no direction (expect lower|higher)");
        if (published != null && tolerance == null) f.problem(line, 1, "claim " + id + " has a published figure but no tolerance (tolerance 25%)");
        if (published == null && tolerance != null) f.problem(line, 1, "claim " + id + " has a tolerance but no published figure to apply it to");
        if (a != null) {
            for (Map<String, String> side : List.of(a, b, where)) {
                side.forEach((k, v) -> {
                    List<String> values = axes.get(k);
                    if (values == null) f.problem(compareLine, 1, "claim " + id + ": " + k + " is not varied (the axes: " + String.join(", ", axes.keySet()) + ")");
                    else if (!values.contains(v)) f.problem(compareLine, 1, "claim " + id + ": no point has " + k + "=" + v + " (" + k + " takes " + String.join(", ", values) + ")");
                });
            }
            if (a.equals(b)) f.problem(compareLine, 1, "claim " + id + " compares a side with itself");
        }
        if (f.problemCount() > before) return null;
        return new Claim(id, says, source, a, b, where, direction, published, publishedText, tolerance == null ? 0 : tolerance, line);
    }

    /** An absolute claim: the points {@code at} (and {@code where}) must have the figure {@code expect}s, within the tolerance. */
    private Claim buildAbsolute(ExperimentFile f, Map<String, List<String>> axes, Map<String, String> fixed, String metric, String unit, int before) {
        if (compared) f.problem(compareLine, 1, "claim " + id + " states both compare A / B and an absolute figure (at, reference): a claim is one or the other");
        if (direction != null) f.problem(line, 1, "claim " + id + " states an absolute figure: expect N UNIT, not expect lower|higher");
        if (publishedLine > 0) f.problem(publishedLine, 1, "claim " + id + " states an absolute figure: its published figure is expect N UNIT (published is a ratio's)");
        if (!at) f.problem(figureLine, 1, "claim " + id + " expects a figure but says of which points (at KEY=VALUE ...)");
        if (figureLine == 0) f.problem(line, 1, "claim " + id + " says at which points but not the figure it expects (expect N UNIT, e.g. expect 260 cycles)");
        if (at && figureLine > 0 && tolerance == null) f.problem(line, 1, "claim " + id + " states a figure but no tolerance (tolerance 10%)");
        if (expectUnit != null && !unit.isEmpty() && !expectUnit.equals(unit)) {
            f.problem(figureLine, 1, "claim " + id + " expects " + expectUnit + " but the experiment measures " + unit + " (unit " + unit + ")");
        }
        if (reference != null) {
            String wanted = "one-way:" + reference.figure().path() + "@" + reference.figure().thread();
            if (reference.figure() != FidelityCommand.Figure.IPC) {
                f.problem(compareLine, 1, "claim " + id + ": mkw fidelity's " + reference.figure().word() + " figure is not a sweep metric; an experiment can state its ipc figures (metric " + wanted + ")");
            } else if (!wanted.equals(metric)) {
                f.problem(compareLine, 1, "claim " + id + ": the reference's figure is the one-way IPC from user level; the experiment measures " + metric + ", not metric " + wanted);
            }
        }
        if (a != null) {
            for (Map<String, String> side : List.of(a, where)) {
                side.forEach((k, v) -> {
                    List<String> values = axes.get(k);
                    String set = fixed.get(k);
                    if (values == null && set == null) f.problem(compareLine, 1, "claim " + id + ": " + k + " is neither varied nor set (the axes: " + String.join(", ", axes.keySet()) + ")");
                    else if (values == null && !set.equals(v)) f.problem(compareLine, 1, "claim " + id + ": " + k + " is set to " + set + ", not " + v);
                    else if (values != null && !values.contains(v)) f.problem(compareLine, 1, "claim " + id + ": no point has " + k + "=" + v + " (" + k + " takes " + String.join(", ", values) + ")");
                });
            }
        }
        if (f.problemCount() > before) return null;
        return new Claim(id, says, source, a, Map.of(), where, null, published, publishedText, tolerance, line);
    }
}
