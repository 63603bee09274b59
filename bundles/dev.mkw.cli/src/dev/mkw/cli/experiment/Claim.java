package dev.mkw.cli.experiment;

import java.util.Map;

/**
 * A claim of the literature: either a ratio or an absolute figure. An <em>absolute</em> claim
 * ({@code at SETTINGS} and {@code expect N UNIT}) states the figure of one configuration, e.g.
 * L3's short IPC on the 486 in cycles: the points with those settings must have it within
 * the tolerance; {@code b} is then empty and {@code direction} null. A <em>ratio</em> claim
 * is checked by comparing the experiment's figure at two groups of
 * points: {@code compare A / B} says which (settings every point of a side has), {@code where}
 * narrows both. The MKW figure is the ratio A/B at each pair of points that agree on every
 * other axis. The claim predicts its direction ({@link Direction#LOWER}: A's figure is below
 * B's) and, when the source states it, its size: the published ratio, within a relative
 * tolerance stated with the claim.
 *
 * @param id            a short name (unique in the experiment)
 * @param says          the claim in one sentence
 * @param source        where it is published (paper, section, table)
 * @param a             the settings of side A (of an absolute claim: the settings of its points)
 * @param b             the settings of side B (empty for an absolute claim)
 * @param where         settings both sides must have (empty: every pair)
 * @param direction     what the claim predicts for A against B (null for an absolute claim)
 * @param published     the published ratio A/B, or null when the source gives only a direction; an absolute claim's figure
 * @param publishedText the published figure as the source states it (e.g. "22x faster", "5 µs vs 115 µs")
 * @param tolerance     the relative tolerance on the ratio (0.25: within 25 % of the published ratio)
 * @param line          where the claim starts in its file, for messages
 */
public record Claim(String id, String says, String source, Map<String, String> a, Map<String, String> b, Map<String, String> where,
        Direction direction, Double published, String publishedText, double tolerance, int line) {

    public enum Direction {
        LOWER, HIGHER;

        public String word() { return this == LOWER ? "lower" : "higher"; }

        /** Whether the ratio A/B goes this way. */
        public boolean holds(double ratio) { return this == LOWER ? ratio < 1 : ratio > 1; }
    }

    /** Whether this claim states an absolute figure of some points rather than a ratio of two sides. */
    public boolean absolute() {
        return b.isEmpty();
    }

    /** Whether {@code ratio} (an absolute claim: the figure) is within the tolerance of the published one (true when none is published). */
    public boolean sizeHolds(double ratio) {
        return published == null || Math.abs(ratio - published) <= tolerance * Math.abs(published);
    }

    /** The settings of a side as one text: kernel.fastpath=on, param.bytes=8. */
    public static String describe(Map<String, String> side) {
        StringBuilder b = new StringBuilder();
        side.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }

    public Claim {
        a = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(a));
        b = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(b));
        where = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(where));
    }
}
