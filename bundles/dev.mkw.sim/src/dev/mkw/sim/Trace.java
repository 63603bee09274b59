package dev.mkw.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded trace: off (nothing kept, the default for benchmarks), on (everything),
 * or a ring of the last N events. Counts every event offered even when off, so
 * statistics never depend on the recording mode.
 */
public final class Trace {
    public enum Mode { OFF, ON, RING }

    private final Mode mode;
    private final int ringSize;
    private final ArrayDeque<TraceEvent> events = new ArrayDeque<>();
    private long offered;
    private long dropped;

    public Trace(Mode mode, int ringSize) {
        if (mode == Mode.RING && ringSize <= 0) throw new IllegalArgumentException("a trace ring needs a size > 0, got " + ringSize);
        this.mode = mode;
        this.ringSize = ringSize;
    }

    public static Trace off() { return new Trace(Mode.OFF, 0); }

    /** Whether events are kept; callers may skip building events when false. */
    public boolean isRecording() { return mode != Mode.OFF; }

    public Mode mode() { return mode; }

    public void record(TraceEvent e) {
        offered++;
        if (mode == Mode.OFF) return;
        if (mode == Mode.RING && events.size() == ringSize) {
            events.pollFirst();
            dropped++;
        }
        events.addLast(e);
    }

    public List<TraceEvent> events() { return new ArrayList<>(events); }

    public int size() { return events.size(); }

    public long offered() { return offered; }

    /** Events pushed out of the ring. */
    public long dropped() { return dropped; }
}
