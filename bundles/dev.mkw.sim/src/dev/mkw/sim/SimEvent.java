package dev.mkw.sim;

/** A scheduled event. Ordered by cycle, then priority, then insertion sequence (stable). */
public final class SimEvent implements Comparable<SimEvent> {
    private final long cycle;
    private final int priority;
    private final long sequence;
    private final int cpu;
    private final String label;
    private final Runnable action;
    private boolean cancelled;

    SimEvent(long cycle, int priority, long sequence, int cpu, String label, Runnable action) {
        this.cycle = cycle;
        this.priority = priority;
        this.sequence = sequence;
        this.cpu = cpu;
        this.label = label;
        this.action = action;
    }

    public long cycle() { return cycle; }
    public int priority() { return priority; }
    public int cpu() { return cpu; }
    long sequence() { return sequence; }
    public String label() { return label; }
    public boolean isCancelled() { return cancelled; }

    void cancel() { cancelled = true; }

    void fire() { action.run(); }

    @Override
    public int compareTo(SimEvent o) {
        int c = Long.compare(cycle, o.cycle);
        if (c != 0) return c;
        c = Integer.compare(priority, o.priority);
        if (c != 0) return c;
        return Long.compare(sequence, o.sequence);
    }

    @Override
    public String toString() {
        return label + "@" + cycle + (cpu >= 0 ? "/cpu" + cpu : "");
    }
}
