package dev.mkw.kernel;

/** Count and cycles of one kernel path. */
public final class PathStats {
    public long count;
    public long cycles;
    public long min = Long.MAX_VALUE;
    public long max;
    /** Cycles of these executions spent stalled on instruction fetch (kernel text missing the I-TLB or I-cache). */
    public long fetchStallCycles;
    /** Of {@link #cycles}: plain instructions, privileged operations, and memory work (data accesses and TLB walks). */
    public long instructionCycles, privilegedCycles, memoryCycles;

    void add(long c) {
        count++;
        cycles += c;
        min = Math.min(min, c);
        max = Math.max(max, c);
    }

    public double mean() { return count == 0 ? 0 : (double) cycles / count; }
}
