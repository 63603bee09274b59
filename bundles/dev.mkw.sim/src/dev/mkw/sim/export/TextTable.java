package dev.mkw.sim.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the console: a header, a rule, rows; columns padded to their
 * widest cell; cells that look like numbers aligned right so digits line up.
 */
public final class TextTable {
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> columns) { this.columns = List.copyOf(columns); }

    public TextTable(String... columns) { this(List.of(columns)); }

    public TextTable row(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + columns.size() + " columns");
        }
        rows.add(new ArrayList<>(cells));
        return this;
    }

    public TextTable row(Object... cells) {
        List<String> l = new ArrayList<>();
        for (Object c : cells) l.add(String.valueOf(c));
        return row(l);
    }

    public int size() { return rows.size(); }

    public String render() {
        int[] width = new int[columns.size()];
        boolean[] numeric = new boolean[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
                if (!looksNumeric(r.get(c))) numeric[c] = false;
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, columns, width, numeric);
        for (int c = 0; c < width.length; c++) {
            if (c > 0) b.append("  ");
            b.append("-".repeat(width[c]));
        }
        b.append('\n');
        for (List<String> r : rows) line(b, r, width, numeric);
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] width, boolean[] numeric) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            if (c > 0) l.append("  ");
            String s = cells.get(c);
            String pad = " ".repeat(width[c] - s.length());
            l.append(numeric[c] ? pad + s : s + pad);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    static boolean looksNumeric(String s) {
        if (s.isEmpty() || s.equals("-")) return true;
        return s.matches("-?[0-9][0-9,]*(\\.[0-9]+)?%?");
    }

    @Override
    public String toString() { return render(); }
}
