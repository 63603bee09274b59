package dev.mkw.ui.views;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Which rows contain a text in one of their cells. Off the UI thread: the Message Log of a
 * whole trace has 200 000 rows of six cells, and formatting 1.2 million cells on the UI
 * thread held it for hundreds of milliseconds per keystroke. The result is a primitive
 * array of row positions (see {@link RowIndex}); a cancelled filter returns null.
 */
final class RowFilter {
    private RowFilter() {}

    static <R> int[] keep(List<R> rows, List<Function<R, String>> cells, String text, IProgressMonitor monitor) {
        int[] kept = new int[Math.min(rows.size(), 1024)];
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            if ((i & 0xfff) == 0 && monitor.isCanceled()) return null;
            R r = rows.get(i);
            for (Function<R, String> cell : cells) {
                if (cell.apply(r).contains(text)) {
                    if (n == kept.length) kept = Arrays.copyOf(kept, Math.max(16, n * 2));
                    kept[n++] = i;
                    break;
                }
            }
        }
        return Arrays.copyOf(kept, n);
    }
}
