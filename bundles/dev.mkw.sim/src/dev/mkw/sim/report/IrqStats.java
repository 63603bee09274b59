package dev.mkw.sim.report;

/**
 * One interrupt line's activity.
 *
 * @param line      the IRQ line number
 * @param raised    times the device raised it
 * @param delivered times the kernel delivered it to the attached thread
 * @param latency   cycles from raise to delivery, one sample per delivery
 */
public record IrqStats(int line, long raised, long delivered, Histogram latency) {
    public IrqStats {
        latency = latency.copy();
    }

    @Override
    public Histogram latency() { return latency.copy(); }
}
