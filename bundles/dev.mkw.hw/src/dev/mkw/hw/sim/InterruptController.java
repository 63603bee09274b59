package dev.mkw.hw.sim;

import java.util.function.IntConsumer;

/**
 * A programmable interrupt controller in the manner of the 8259A: numbered lines, a mask
 * bit and a pending bit per line, and priorities. By default a lower line number wins, as
 * on the 8259A in fully nested mode (Intel 8259A data sheet, "Fully Nested Mode"); a GIC or
 * APIC-like order can be set per line with {@link #setPriority}. The kernel masks a line
 * while its interrupt is delivered and unmasks it on acknowledge.
 */
public final class InterruptController {
    private final int lines;
    private final long ackCycles;
    private final boolean[] masked;
    private final boolean[] pending;
    private final long[] raised;
    private final int[] priority;
    /** Lines pending and not masked: {@link #highestPending} is asked on every kernel entry, and this is almost always 0. */
    private int deliverable;
    private IntConsumer listener = line -> {};

    public InterruptController(int lines, long ackCycles) {
        if (lines <= 0 || lines > 1024) throw new IllegalArgumentException("interrupt controller: " + lines + " lines is out of range 1..1024");
        this.lines = lines;
        this.ackCycles = ackCycles;
        this.masked = new boolean[lines];
        this.pending = new boolean[lines];
        this.raised = new long[lines];
        this.priority = new int[lines];
        for (int l = 0; l < lines; l++) priority[l] = lines - l;
    }

    public int lines() { return lines; }
    public long ackCost() { return ackCycles; }

    /** A device asserts {@code line}. The listener hears of it if the line is not masked. */
    public void raise(int line) {
        check(line);
        raised[line]++;
        if (!pending[line] && !masked[line]) deliverable++;
        pending[line] = true;
        if (!masked[line]) listener.accept(line);
    }

    public void mask(int line) {
        check(line);
        if (!masked[line] && pending[line]) deliverable--;
        masked[line] = true;
    }

    /** Unmask; a pending interrupt is re-signalled. */
    public void unmask(int line) {
        check(line);
        if (masked[line] && pending[line]) deliverable++;
        masked[line] = false;
        if (pending[line]) listener.accept(line);
    }

    public boolean masked(int line) { check(line); return masked[line]; }
    public boolean pending(int line) { check(line); return pending[line]; }
    public long raisedCount(int line) { check(line); return raised[line]; }

    /** The deliverable line of highest priority (the lower line among equals), or -1. */
    public int highestPending() {
        if (deliverable == 0) return -1;
        int best = -1;
        for (int l = 0; l < lines; l++) {
            if (pending[l] && !masked[l] && (best < 0 || priority[l] > priority[best])) best = l;
        }
        return best;
    }

    public void acknowledge(int line) {
        check(line);
        if (pending[line] && !masked[line]) deliverable--;
        pending[line] = false;
    }

    /** A larger number wins; by default lines - line (8259A fully nested mode). */
    public int priority(int line) { check(line); return priority[line]; }

    public void setPriority(int line, int value) { check(line); priority[line] = value; }

    public void setListener(IntConsumer onRaise) { this.listener = onRaise; }

    private void check(int line) {
        if (line < 0 || line >= lines) throw new IllegalArgumentException("IRQ line " + line + " does not exist (the controller has lines 0.." + (lines - 1) + ")");
    }
}
