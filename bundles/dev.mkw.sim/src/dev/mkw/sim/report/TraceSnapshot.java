package dev.mkw.sim.report;

import java.util.List;

import dev.mkw.sim.Trace;
import dev.mkw.sim.TraceEvent;

/**
 * The trace as it stood at the end of the run.
 *
 * @param mode    how it was recorded
 * @param events  the kept events, oldest first
 * @param offered every event offered, kept or not
 * @param dropped events a ring pushed out
 */
public record TraceSnapshot(Trace.Mode mode, List<TraceEvent> events, long offered, long dropped) {
    public TraceSnapshot {
        events = List.copyOf(events);
    }

    public static TraceSnapshot of(Trace t) {
        return new TraceSnapshot(t.mode(), t.events(), t.offered(), t.dropped());
    }

    public static TraceSnapshot none() { return new TraceSnapshot(Trace.Mode.OFF, List.of(), 0, 0); }
}
