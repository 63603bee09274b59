package dev.mkw.hw.sim;

/** One simulated CPU: its index, clock and private memory hierarchy (TLBs and caches). */
public final class SimCpu {
    private final int index;
    private final double clockMhz;
    private final MemoryHierarchy mem;

    SimCpu(int index, double clockMhz, MemoryHierarchy mem) {
        this.index = index;
        this.clockMhz = clockMhz;
        this.mem = mem;
    }

    public int index() { return index; }
    public double clockMhz() { return clockMhz; }
    public MemoryHierarchy mem() { return mem; }

    /** Cycles of this CPU as microseconds. */
    public double micros(long cycles) { return cycles / clockMhz; }
}
