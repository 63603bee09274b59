package dev.mkw.hw.sim;

/**
 * A device that raises its IRQ at a fixed interval, or at exponentially distributed
 * intervals with the given mean (Poisson arrivals): the programmable timer, and the
 * building block of a serial line receiving characters.
 */
public final class PeriodicDevice implements Device {
    private final String name;
    private final int irq;
    private final long interval;
    private final long startAt;
    private final boolean poisson;
    private long raised;

    public PeriodicDevice(String name, int irq, long interval, long startAt, boolean poisson) {
        if (interval <= 0) throw new IllegalArgumentException("device " + name + ": interval must be > 0 cycles, got " + interval);
        if (startAt < 0) throw new IllegalArgumentException("device " + name + ": start must be >= 0 cycles, got " + startAt);
        this.name = name;
        this.irq = irq;
        this.interval = interval;
        this.startAt = startAt;
        this.poisson = poisson;
    }

    @Override public String name() { return name; }
    @Override public int irq() { return irq; }
    @Override public long interruptsRaised() { return raised; }
    public long interval() { return interval; }

    @Override
    public void start(DeviceContext ctx) {
        ctx.at(ctx.now() + startAt + next(ctx), () -> fire(ctx));
    }

    private long next(DeviceContext ctx) {
        return poisson ? Math.max(1, Math.round(ctx.random().exponential(interval))) : interval;
    }

    private void fire(DeviceContext ctx) {
        raised++;
        ctx.raiseIrq(irq);
        ctx.at(ctx.now() + next(ctx), () -> fire(ctx));
    }
}
