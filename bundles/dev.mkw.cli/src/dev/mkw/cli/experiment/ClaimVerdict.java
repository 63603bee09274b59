package dev.mkw.cli.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A claim checked against an experiment's runs: the ratio A/B at every pair of points that
 * differ only in the compared settings, and the verdict. A claim is {@link Verdict#REPRODUCED}
 * when every pair goes the predicted way and (if a figure is published) lies within the
 * tolerance of it; {@link Verdict#DIRECTION_ONLY} when the direction holds but the size does
 * not; {@link Verdict#NOT_REPRODUCED} when some pair goes the other way (or has no figure).
 * An absolute claim has one "pair" per point it names ({@code b} = -1, {@code figureB} the
 * published figure, so the ratio is MKW's figure over the published one): it is reproduced
 * when every such point is within the tolerance, else not (a figure has no direction to keep).
 */
public record ClaimVerdict(Claim claim, List<Pair> pairs, Verdict verdict) {

    public enum Verdict {
        REPRODUCED("reproduced"), DIRECTION_ONLY("direction reproduced, size not"), NOT_REPRODUCED("not reproduced");

        private final String text;

        Verdict(String text) { this.text = text; }

        public String text() { return text; }
    }

    /**
     * One comparison: points {@code a} and {@code b}, their figures and the ratio (for an
     * absolute claim: point {@code a}, b = -1 and {@code figureB} the published figure).
     *
     * @param context the settings the two points share on the other axes (what the pair is "at")
     */
    public record Pair(int a, int b, Map<String, String> context, double figureA, double figureB) {
        public double ratio() {
            if (figureB == 0) return figureA == 0 ? 1 : Double.POSITIVE_INFINITY;
            return figureA / figureB;
        }
    }

    public ClaimVerdict {
        pairs = List.copyOf(pairs);
    }

    /** Check {@code claim} against {@code result}. */
    public static ClaimVerdict check(Claim claim, ExperimentResult result) {
        List<Pair> pairs = new ArrayList<>();
        if (claim.absolute()) {
            for (int i = 0; i < result.size(); i++) {
                Map<String, String> s = result.settings(i);
                if (!matches(s, claim.a()) || !matches(s, claim.where())) continue;
                Map<String, String> context = new LinkedHashMap<>(result.varied(i));
                context.keySet().removeAll(claim.a().keySet());
                pairs.add(new Pair(i, -1, context, result.figure(i), claim.published()));
            }
            return new ClaimVerdict(claim, pairs, verdict(claim, pairs));
        }
        for (int i = 0; i < result.size(); i++) {
            Map<String, String> s = result.settings(i);
            if (!matches(s, claim.a()) || !matches(s, claim.where())) continue;
            Map<String, String> wanted = new LinkedHashMap<>(s);
            wanted.putAll(claim.b());
            int j = result.find(wanted);
            if (j < 0 || j == i) continue;
            Map<String, String> context = new LinkedHashMap<>(result.varied(i));
            context.keySet().removeAll(claim.a().keySet());
            context.keySet().removeAll(claim.b().keySet());
            pairs.add(new Pair(i, j, context, result.figure(i), result.figure(j)));
        }
        return new ClaimVerdict(claim, pairs, verdict(claim, pairs));
    }

    static boolean matches(Map<String, String> settings, Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(settings.get(e.getKey())));
    }

    private static Verdict verdict(Claim claim, List<Pair> pairs) {
        if (pairs.isEmpty()) return Verdict.NOT_REPRODUCED;
        if (claim.absolute()) {
            return pairs.stream().allMatch(p -> !Double.isNaN(p.figureA()) && claim.sizeHolds(p.figureA())) ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED;
        }
        boolean size = true;
        for (Pair p : pairs) {
            double r = p.ratio();
            if (Double.isNaN(r) || !claim.direction().holds(r)) return Verdict.NOT_REPRODUCED;
            size &= claim.sizeHolds(r);
        }
        return size ? Verdict.REPRODUCED : Verdict.DIRECTION_ONLY;
    }

    /** The pair that explains the verdict best: the first that misses, else the first. */
    public Pair telling() {
        for (Pair p : pairs) if (!holds(p)) return p;
        return pairs.isEmpty() ? null : pairs.get(0);
    }

    /** Whether pair {@code p} bears the claim out: direction and size, or (absolute) the figure within the tolerance. */
    public boolean holds(Pair p) {
        if (claim.absolute()) return !Double.isNaN(p.figureA()) && claim.sizeHolds(p.figureA());
        return claim.direction().holds(p.ratio()) && claim.sizeHolds(p.ratio());
    }

    /** MKW's figure: the ratio, or its range over the pairs; an absolute claim's figure and its deviation. */
    public String mkwFigure() {
        if (pairs.isEmpty()) return claim.absolute() ? "no point has " + Claim.describe(claim.a()) : "no pair of points to compare";
        if (claim.absolute()) {
            List<String> figures = new ArrayList<>();
            for (Pair p : pairs) figures.add(Double.isNaN(p.figureA()) ? "no figure" : ExperimentReport.figure(Math.rint(p.figureA())) + " (" + deviation(p) + ")");
            return String.join(", ", figures);
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Pair p : pairs) {
            lo = Math.min(lo, p.ratio());
            hi = Math.max(hi, p.ratio());
        }
        return pairs.size() == 1 ? ratio(lo) : ratio(lo) + " to " + ratio(hi) + " (" + pairs.size() + " pairs)";
    }

    /** The claim's published figure with its tolerance, or its direction alone. */
    public String publishedFigure() {
        Claim c = claim;
        if (c.absolute()) return c.publishedText() + " (± " + percent(c.tolerance()) + ")";
        if (c.published() == null) return c.direction().word() + " (no figure published)";
        return c.publishedText() + " (ratio " + ratio(c.published()) + " ± " + percent(c.tolerance()) + ")";
    }

    static String ratio(double r) {
        if (Double.isInfinite(r)) return "∞";
        if (Double.isNaN(r)) return "n/a";
        return String.format(Locale.ROOT, r >= 100 ? "%.0f" : r >= 10 ? "%.1f" : "%.3f", r);
    }

    /** An absolute figure's deviation from the published one, signed: "+15.8 %". */
    static String deviation(Pair p) {
        return String.format(Locale.ROOT, "%+.1f %%", 100 * (p.figureA() - p.figureB()) / p.figureB());
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
