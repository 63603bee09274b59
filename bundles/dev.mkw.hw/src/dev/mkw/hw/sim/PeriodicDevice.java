package dev.mkw.hw.sim;

import java.util.Map;

/**
 * A device that raises its IRQ at a fixed interval, or at exponentially distributed
 * intervals with the given mean ({@code distribution poisson}): the timer, a serial line
 * receiving characters, a disk completing requests.
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
        this.name = name;
        this.irq = irq;
        this.interval = interval;
        this.startAt = startAt;
        this.poisson = poisson;
    }

    static long parameter(String device, Map<String, String> p, String key, long fallback) {
        String v = p.get(key);
        if (v == null) return fallback;
        try {
            return Long.decode(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("device " + device + ": parameter " + key + " must be a number, got '" + v + "'");
        }
    }

    @Override public String name() { return name; }
    @Override public int irq() { return irq; }
    @Override public long interruptsRaised() { return raised; }

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
