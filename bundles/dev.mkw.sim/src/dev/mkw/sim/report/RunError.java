package dev.mkw.sim.report;

import java.util.List;

/**
 * An error the user's program caused at run time and that ended (or marred) the run.
 *
 * @param kind       a short stable word: deadlock, invariant, unhandled-exception, ...
 * @param message    what went wrong, for people
 * @param thread     the thread it concerns ({@code task.thread}), or "" for none
 * @param cycle      the simulated cycle it was detected at
 * @param location   where in the scenario the thread was, or null when unknown
 * @param lastEvents the last trace events before it, oldest first, as text
 */
public record RunError(String kind, String message, String thread, long cycle, SourceLocation location,
        List<String> lastEvents) {

    public RunError {
        lastEvents = List.copyOf(lastEvents);
    }

    public RunError(String kind, String message, String thread, long cycle, SourceLocation location) {
        this(kind, message, thread, cycle, location, List.of());
    }

    /** {@code file:line:col: kind: message (thread t, cycle n)}: one line a terminal or editor can link. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (location != null) b.append(location).append(": ");
        b.append(kind).append(": ").append(message);
        b.append(" (");
        if (!thread.isEmpty()) b.append("thread ").append(thread).append(", ");
        b.append("cycle ").append(cycle).append(')');
        return b.toString();
    }
}
