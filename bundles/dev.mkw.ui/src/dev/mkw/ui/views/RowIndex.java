package dev.mkw.ui.views;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Some rows of a list, by position: all of them, or those a filter kept as a primitive array
 * of their indices. A filter over 200 000 Message Log rows keeping most of them built an
 * ArrayList of 200 000 references (and its growth copies) for the young collector to copy;
 * an {@code int[]} is one object, and the rows themselves stay where they are.
 */
final class RowIndex<R> extends AbstractList<R> implements RandomAccess {
    private final List<R> source;
    private final int[] kept;

    private RowIndex(List<R> source, int[] kept) {
        this.source = source;
        this.kept = kept;
    }

    /** Every row of {@code source}. */
    static <R> RowIndex<R> all(List<R> source) {
        return new RowIndex<>(source, null);
    }

    /** The rows of {@code source} at the positions {@code kept} (ascending; the array is kept, not copied). */
    static <R> RowIndex<R> of(List<R> source, int[] kept) {
        return new RowIndex<>(source, kept);
    }

    @Override
    public R get(int i) {
        return source.get(kept == null ? i : kept[i]);
    }

    /**
     * By the source's own lookup (which may know a faster way than making each element), then
     * a binary search of the kept positions: rows equal by value have equal cells, so a filter
     * keeps all of them or none, and the first equal one in the source is the first kept.
     */
    @Override
    public int indexOf(Object o) {
        int at = source.indexOf(o);
        if (kept == null || at < 0) return at;
        int i = Arrays.binarySearch(kept, at);
        return i >= 0 ? i : -1;
    }

    @Override
    public int size() {
        return kept == null ? source.size() : kept.length;
    }
}
