package dev.mkw.kernel.inspect;

/** An interrupt line: who handles it, its controller state, and how long delivery took. */
public record IrqInfo(int line, String handler, boolean masked, boolean pending, long raised, long delivered, double meanLatency, long maxLatency) {}
