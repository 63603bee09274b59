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
    /** The cycle of the event recorded last, and whether an event came with an earlier cycle than it. */
    private long lastCycle = Long.MIN_VALUE;
    private boolean outOfOrder;

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
        if (e.cycle() < lastCycle) outOfOrder = true;
        lastCycle = Math.max(lastCycle, e.cycle());
        events.addLast(e);
    }

    /**
     * The events in cycle order. Several processors record in the order their steps run, and a
     * step records at its own processor's clock, so on a multiprocessor the recording order is not
     * the cycle order: the events are then sorted stably by cycle (one processor's stay in its
     * own order), the same way for the same run.
     */
    public List<TraceEvent> events() {
        List<TraceEvent> list = new ArrayList<>(events);
        if (outOfOrder) list.sort(java.util.Comparator.comparingLong(TraceEvent::cycle));
        return list;
    }

    public int size() { return events.size(); }

    public long offered() { return offered; }

    /** Events pushed out of the ring. */
    public long dropped() { return dropped; }
}
