package dev.mkw.sim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A parameter sweep: the cartesian product of its axes. Points come in nested-loop order,
 * the first axis varying slowest and the last fastest, so the order (and the CSV's rows)
 * follows only from the command line.
 */
public final class Sweep {
    private final List<SweepAxis> axes;

    public Sweep(List<SweepAxis> axes) {
        TreeSet<String> keys = new TreeSet<>();
        for (SweepAxis a : axes) {
            if (!keys.add(a.key())) throw new IllegalArgumentException("sweep key '" + a.key() + "' is given twice");
        }
        this.axes = List.copyOf(axes);
    }

    /** Parse {@code key=v1,v2} specs, one per {@code --vary}. */
    public static Sweep parse(List<String> specs) {
        List<SweepAxis> axes = new ArrayList<>();
        for (String s : specs) axes.add(SweepAxis.parse(s));
        return new Sweep(axes);
    }

    public List<SweepAxis> axes() { return axes; }

    public List<String> keys() {
        List<String> k = new ArrayList<>();
        for (SweepAxis a : axes) k.add(a.key());
        return k;
    }

    /** The number of points: the product of the axes' sizes (1 with no axes). */
    public int size() {
        long n = 1;
        for (SweepAxis a : axes) {
            n *= a.values().size();
            if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("sweep has more than " + Integer.MAX_VALUE + " points");
        }
        return (int) n;
    }

    /** The point at {@code index}: mixed-radix digits of the index, last axis least significant. */
    public SweepPoint point(int index) {
        if (index < 0 || index >= size()) throw new IndexOutOfBoundsException(index);
        String[] chosen = new String[axes.size()];
        int rest = index;
        for (int i = axes.size() - 1; i >= 0; i--) {
            List<String> v = axes.get(i).values();
            chosen[i] = v.get(rest % v.size());
            rest /= v.size();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < axes.size(); i++) params.put(axes.get(i).key(), chosen[i]);
        return new SweepPoint(index, params);
    }

    public List<SweepPoint> points() {
        List<SweepPoint> l = new ArrayList<>();
        for (int i = 0, n = size(); i < n; i++) l.add(point(i));
        return l;
    }
}
