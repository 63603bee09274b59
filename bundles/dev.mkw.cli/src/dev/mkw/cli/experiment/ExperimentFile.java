package dev.mkw.cli.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mkw.cli.CliException;
import dev.mkw.cli.ExitCode;
import dev.mkw.cli.commands.FidelityCommand;
import dev.mkw.sim.sweep.Metrics;
import dev.mkw.sim.sweep.SweepAxis;

/**
 * Reads an experiment directory's {@value #NAME}: one statement a line, {@code #} starts a
 * comment. Before the first {@code claim}: {@code title}, {@code requires}, {@code scenario}, {@code set},
 * {@code vary}, {@code metric}, {@code unit}, {@code reduced}; each {@code claim ID} then has
 * {@code says}, {@code source}, {@code compare A / B}, {@code where}, {@code expect},
 * {@code published}, {@code tolerance}; or, for an absolute figure, {@code at SETTINGS} and
 * {@code expect N UNIT} (or {@code reference PRESET FIGURE}: a published figure of
 * {@code mkw fidelity}'s table, with its source and settings) with a {@code tolerance}. Every mistake is refused with {@code FILE:LINE:COL}
 * (exit code 2) before anything runs; README "Experiments" documents the format.
 */
public final class ExperimentFile {
    /** The file that makes a directory an experiment. */
    public static final String NAME = "experiment.mkwx";

    private final Path file;
    private final List<String> problems = new ArrayList<>();

    private ExperimentFile(Path file) {
        this.file = file;
    }

    /** Whether {@code dir} holds an experiment. */
    public static boolean isExperiment(Path dir) {
        return Files.isRegularFile(dir.resolve(NAME));
    }

    /** The experiment of {@code dir}, checked; a CliException (exit 2) lists every problem with its position. */
    public static ExperimentSpec read(Path dir) throws CliException {
        Path file = dir.resolve(NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new CliException("no experiment in " + dir + ": cannot read " + NAME + " (" + e.getMessage() + ")", ExitCode.BAD_INPUT);
        }
        ExperimentFile f = new ExperimentFile(file);
        ExperimentSpec spec = f.parse(dir.toAbsolutePath().normalize(), lines);
        if (!f.problems.isEmpty()) throw new CliException(String.join("\n", f.problems), ExitCode.BAD_INPUT);
        return spec;
    }

    private ExperimentSpec parse(Path dir, List<String> lines) {
        String title = null, metric = null, unit = "";
        Path scenario = null;
        List<String> sets = new ArrayList<>(), varies = new ArrayList<>(), reduced = new ArrayList<>();
        List<ClaimBuilder> claims = new ArrayList<>();
        List<ExperimentSpec.Requirement> requires = new ArrayList<>();
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            int hash = raw.indexOf('#');
            String text = (hash < 0 ? raw : raw.substring(0, hash)).strip();
            if (text.isEmpty()) continue;
            int line = i + 1, col = raw.indexOf(text.charAt(0)) + 1;
            int sp = text.indexOf(' ');
            String word = sp < 0 ? text : text.substring(0, sp);
            String rest = sp < 0 ? "" : text.substring(sp + 1).strip();
            int restCol = sp < 0 ? col + word.length() : raw.indexOf(rest, col - 1 + word.length()) + 1;
            ClaimBuilder claim = claims.isEmpty() ? null : claims.get(claims.size() - 1);
            if (word.equals("claim")) {
                if (rest.isEmpty() || rest.contains(" ")) problem(line, restCol, "a claim is named by one word: claim ID");
                else if (claims.stream().anyMatch(c -> c.id.equals(rest))) problem(line, restCol, "claim " + rest + " is stated twice");
                claims.add(new ClaimBuilder(rest, line));
                continue;
            }
            if (rest.isEmpty()) {
                problem(line, restCol, "'" + word + "' needs a value");
                continue;
            }
            if (claim != null) {
                claimLine(claim, word, rest, line, col, restCol);
                continue;
            }
            switch (word) {
                case "title" -> title = rest;
                case "unit" -> unit = rest;
                case "requires" -> {
                    // requires hardware ID [from WHERE]: a plugin's cross-domain call hardware the scenario uses.
                    String[] w = rest.split("\\s+", 4);
                    if (w.length < 2 || !w[0].equals("hardware") || w.length > 2 && !w[2].equals("from")) {
                        problem(line, restCol, "requires hardware ID [from WHERE]: the plugin hardware the scenario uses (call T via ID), e.g. requires hardware tagcall from org.l4lab.mkw.extras.feature");
                    } else {
                        requires.add(new ExperimentSpec.Requirement(w[1], w.length > 3 ? w[3] : ""));
                    }
                }
                case "scenario" -> {
                    scenario = dir.resolve(rest).normalize();
                    if (!scenario.startsWith(dir)) problem(line, restCol, "the scenario is a file of the experiment's directory");
                    else if (!Files.isRegularFile(scenario)) problem(line, restCol, "no scenario file " + rest + " in " + dir);
                }
                case "set", "reduced" -> {
                    if (setting(rest, line, restCol)) (word.equals("set") ? sets : reduced).add(rest);
                }
                case "vary" -> {
                    try {
                        SweepAxis axis = SweepAxis.parse(rest);
                        if (axes.put(axis.key(), axis.values()) != null) problem(line, restCol, axis.key() + " is varied twice");
                        varies.add(rest);
                    } catch (IllegalArgumentException e) {
                        problem(line, restCol, e.getMessage());
                    }
                }
                case "metric" -> {
                    try {
                        Metrics.parse(rest);
                        metric = rest;
                    } catch (IllegalArgumentException e) {
                        problem(line, restCol, e.getMessage());
                    }
                }
                default -> problem(line, col, "unknown statement '" + word + "'; an experiment has title, requires, scenario, set, vary, metric, unit, reduced, "
                        + "then claims (claim ID with says, source, compare, where, expect, published, tolerance)");
            }
        }
        if (title == null) problem(1, 1, "the experiment has no title (title TEXT)");
        if (scenario == null) problem(1, 1, "the experiment names no scenario (scenario FILE.mkw)");
        if (varies.isEmpty()) problem(1, 1, "the experiment varies nothing (vary KEY=V1,V2)");
        if (metric == null) problem(1, 1, "the experiment measures nothing (metric NAME, e.g. ipc_avg_cycles or path:ipc.slowpath)");
        if (claims.isEmpty()) problem(1, 1, "the experiment states no claim (claim ID, then says, source, compare, expect)");
        for (String r : reduced) {
            String key = ExperimentSpec.key(r);
            if (key.startsWith("run.") || key.startsWith("param.") || sets.stream().anyMatch(s -> ExperimentSpec.key(s).equals(key))) continue;
            if (axes.containsKey(key)) continue;
            problem(1, 1, "reduced " + r + ": a reduced run changes a fixed setting, a parameter or a run setting, not a new key");
        }
        List<Claim> built = new ArrayList<>();
        for (ClaimBuilder c : claims) {
            Claim claim = c.build(this, axes, fixed(sets), metric, unit);
            if (claim != null) built.add(claim);
        }
        return new ExperimentSpec(dir, title, scenario, sets, varies, metric, unit, reduced, built, requires);
    }

    private static Map<String, String> fixed(List<String> sets) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : sets) m.put(ExperimentSpec.key(kv), kv.substring(kv.indexOf('=') + 1));
        return m;
    }

    private void claimLine(ClaimBuilder c, String word, String rest, int line, int col, int restCol) {
        switch (word) {
            case "says" -> c.says = rest;
            case "source" -> c.source = rest;
            case "at" -> {
                c.a = sides(rest, line, restCol);
                c.at = true;
                c.compareLine = line;
            }
            case "reference" -> reference(c, rest, line, restCol);
            case "compare" -> {
                int slash = rest.indexOf(" / ");
                if (slash < 0) {
                    problem(line, restCol, "compare A / B: the settings of the points whose figure is divided by those of B's, e.g. compare kernel.fastpath=on / kernel.fastpath=off");
                    return;
                }
                c.a = sides(rest.substring(0, slash), line, restCol);
                c.compared = true;
                c.b = sides(rest.substring(slash + 3), line, restCol + slash + 3);
                c.compareLine = line;
            }
            case "where" -> c.where = sides(rest, line, restCol);
            case "expect" -> {
                if (!rest.isEmpty() && (Character.isDigit(rest.charAt(0)) || rest.charAt(0) == '.')) expectFigure(c, rest, line, restCol);
                else if (rest.equals("lower")) c.direction = Claim.Direction.LOWER;
                else if (rest.equals("higher")) c.direction = Claim.Direction.HIGHER;
                else problem(line, restCol, "expect lower or expect higher (A's figure against B's), or expect N UNIT (an absolute figure, with at SETTINGS), got '" + rest + "'");
            }
            case "published" -> {
                c.publishedLine = line;
                int sp = rest.indexOf(' ');
                String number = sp < 0 ? rest : rest.substring(0, sp);
                try {
                    c.published = ratio(number);
                    c.publishedText = sp < 0 ? number : rest.substring(sp + 1).strip();
                } catch (NumberFormatException e) {
                    problem(line, restCol, "published RATIO [as the source states it]: the ratio A/B as a number or fraction (0.045, 1/22), got '" + number + "'");
                }
            }
            case "tolerance" -> tolerance(c, rest, line, restCol);
            default -> problem(line, col, "a claim has says, source, compare, where, expect, published, tolerance (an absolute one: at, expect N UNIT or reference); not '" + word
                    + "' (title, scenario, set, vary, metric, unit and reduced go before the first claim)");
        }
    }

    /** {@code expect N [UNIT] [tolerance T]}: the absolute figure the claim's points must have. */
    private void expectFigure(ClaimBuilder c, String rest, int line, int col) {
        String[] w = rest.split("\\s+");
        int i = 0;
        try {
            c.published = Double.parseDouble(w[i++]);
        } catch (NumberFormatException e) {
            problem(line, col, "expect N UNIT: the figure as a number, e.g. expect 260 cycles, got '" + w[0] + "'");
            return;
        }
        if (i < w.length && !w[i].equals("tolerance")) c.expectUnit = w[i++];
        if (i + 1 < w.length && w[i].equals("tolerance")) {
            tolerance(c, w[i + 1], line, col);
            i += 2;
        }
        if (i < w.length) problem(line, col, "expect N UNIT [tolerance T], e.g. expect 260 cycles tolerance 10%, got '" + rest + "'");
        c.publishedText = w[0] + (c.expectUnit == null ? "" : " " + c.expectUnit);
        c.figureLine = line;
    }

    /**
     * {@code reference PRESET FIGURE}: the published figure {@code mkw fidelity} checks on PRESET
     * ({@link FidelityCommand#REFERENCES}), stated once there: its cycles, what it is, its source,
     * and the settings MKW measures it with (the preset, the kernel whose code was measured).
     */
    private void reference(ClaimBuilder c, String rest, int line, int col) {
        String[] w = rest.split("\\s+");
        FidelityCommand.Reference found = null;
        if (w.length == 2) {
            for (FidelityCommand.Reference r : FidelityCommand.REFERENCES) if (r.preset().equals(w[0]) && r.figure().word().equals(w[1])) found = r;
        }
        if (found == null) {
            List<String> known = FidelityCommand.REFERENCES.stream().map(FidelityCommand.Reference::label).toList();
            problem(line, col, "reference PRESET FIGURE names a row of mkw fidelity's table, one of: " + String.join(", ", known) + "; got '" + rest + "'");
            return;
        }
        c.reference = found;
        c.a = new LinkedHashMap<>();
        c.a.put("machine.preset", found.preset());
        c.a.putAll(new java.util.TreeMap<>(found.settings()));
        c.at = true;
        c.compareLine = line;
        c.published = (double) found.cycles();
        c.expectUnit = "cycles";
        c.publishedText = found.cycles() + " cycles, " + found.what();
        c.figureLine = line;
        if (c.says == null) c.says = found.what();
        if (c.source == null) c.source = found.source();
    }

    private void tolerance(ClaimBuilder c, String rest, int line, int col) {
        try {
            String t = rest.endsWith("%") ? rest.substring(0, rest.length() - 1) : rest;
            c.tolerance = Double.parseDouble(t) / (rest.endsWith("%") ? 100 : 1);
            if (c.tolerance < 0) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            problem(line, col, "tolerance is a share of the published figure: 25% or 0.25, got '" + rest + "'");
        }
    }

    private Map<String, String> sides(String text, int line, int col) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : text.strip().split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq <= 0 || eq == kv.length() - 1) problem(line, col, "a side is KEY=VALUE settings separated by spaces, got '" + kv + "'");
            else m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return m;
    }

    private boolean setting(String kv, int line, int col) {
        int eq = kv.indexOf('=');
        if (eq > 0 && eq < kv.length() - 1 && !kv.contains(" ")) return true;
        problem(line, col, "a setting is KEY=VALUE (as mkw run --set takes it), got '" + kv + "'");
        return false;
    }

    private static double ratio(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) return Double.parseDouble(s);
        return Double.parseDouble(s.substring(0, slash)) / Double.parseDouble(s.substring(slash + 1));
    }

    /** How many problems were found so far (a claim checks whether its own lines added any). */
    int problemCount() {
        return problems.size();
    }

    void problem(int line, int col, String message) {
        problems.add(file + ":" + line + ":" + col + ": error: " + message);
    }
}
