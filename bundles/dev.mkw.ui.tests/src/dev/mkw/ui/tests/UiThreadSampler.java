package dev.mkw.ui.tests;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A poor man's profiler for the refresh fixture: samples the UI thread's stack every 5 ms and
 * counts the innermost MKW, JFace or SWT table frames, so the printed figures say where the
 * time went; the samples of each UI event are also kept apart ({@link #event(long)}), so the
 * longest event can be told. Samples of the fixture's own wait loop are left out.
 */
final class UiThreadSampler {
    private final Thread ui = Thread.currentThread();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Integer>> byEvent = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread = new Thread(this::loop, "ui-thread-sampler");
    private volatile long event = -1;

    static UiThreadSampler start() {
        UiThreadSampler s = new UiThreadSampler();
        s.thread.setDaemon(true);
        s.thread.start();
        return s;
    }

    /** The UI thread starts event {@code n} (-1: between events). */
    void event(long n) {
        event = n;
    }

    private void loop() {
        while (running.get()) {
            long n = event;
            String key = frames(ui.getStackTrace());
            if (key != null) {
                counts.merge(key, 1, Integer::sum);
                if (n >= 0) byEvent.computeIfAbsent(n, k -> new ConcurrentHashMap<>()).merge(key, 1, Integer::sum);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String frames(StackTraceElement[] stack) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.endsWith("RefreshTimingTest")) return n == 0 ? null : b.toString();
            if (c.startsWith("dev.mkw") || c.startsWith("org.eclipse.jface.viewers") || c.startsWith("org.eclipse.swt.widgets.Table")) {
                if (n++ > 0) b.append(" < ");
                b.append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(e.getMethodName());
                if (n == 3) return b.toString();
            }
        }
        return n == 0 ? null : b.toString();
    }

    /** Stops sampling; the {@code top} most sampled places with their sample counts. */
    String stop(int top) {
        running.set(false);
        return top(counts, top);
    }

    /** The most sampled places of event {@code n} ("no sample" for one shorter than the sampling period or inside a pause). */
    String of(long n, int top) {
        Map<String, Integer> m = byEvent.get(n);
        return m == null || m.isEmpty() ? "no sample" : top(m, top);
    }

    private static String top(Map<String, Integer> m, int top) {
        return m.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .map(e -> e.getValue() + "x " + e.getKey()).collect(Collectors.joining("; "));
    }
}
