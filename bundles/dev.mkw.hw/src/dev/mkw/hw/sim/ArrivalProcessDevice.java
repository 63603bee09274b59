package dev.mkw.hw.sim;

/**
 * The skeleton of a device driven by an arrival process: things arrive (timer ticks,
 * characters on a serial line, disk requests, network packets) from {@code start} cycles on,
 * {@code interval} cycles apart or, with {@code poisson}, at exponentially distributed gaps of
 * that mean (a Poisson process, the usual model of independent arrivals: Kleinrock, Queueing
 * Systems I, §2.4); what an arrival does, and whether it raises the IRQ, is the device's own
 * ({@link #arrived}). The built-in timer, uart and block devices extend it, and so may a
 * plugin's device: it inherits the name, line, counting of raised interrupts, the validation of
 * the common parameters and the seeded gaps, and writes only its behaviour.
 *
 * <p>Every random draw comes from the device's own stream ({@link DeviceContext#random()}), so
 * a run with the same seed sees the same arrivals.
 */
public abstract class ArrivalProcessDevice implements Device {
    private final String name;
    private final int irq;
    private final long interval;
    private final long startAt;
    private final boolean poisson;
    private long raised;

    /**
     * @param interval mean cycles between arrivals; 0 only for a device that overrides
     *                 {@link #start} and has no arrivals of its own (a closed-loop one)
     * @param startAt  cycles before the arrival process begins
     * @param poisson  exponential gaps with mean {@code interval} instead of fixed ones
     */
    protected ArrivalProcessDevice(String name, int irq, long interval, long startAt, boolean poisson) {
        if (interval < 0) throw new IllegalArgumentException("device " + name + ": interval must be >= 0 cycles, got " + interval);
        if (startAt < 0) throw new IllegalArgumentException("device " + name + ": start must be >= 0 cycles, got " + startAt);
        this.name = name;
        this.irq = irq;
        this.interval = interval;
        this.startAt = startAt;
        this.poisson = poisson;
    }

    /** For a subclass's constructor: {@code value}, or the device's message if it is not positive. */
    protected static long positive(String device, String parameter, long value) {
        if (value <= 0) throw new IllegalArgumentException("device " + device + ": " + parameter + " must be > 0 cycles, got " + value);
        return value;
    }

    @Override public final String name() { return name; }

    @Override public final int irq() { return irq; }

    @Override public final long interruptsRaised() { return raised; }

    /** Mean cycles between arrivals. */
    public final long interval() { return interval; }

    /** Whether the gaps are exponentially distributed (else fixed). */
    protected final boolean poisson() { return poisson; }

    /** Cycles before the arrival process begins. */
    protected final long startAt() { return startAt; }

    /** The first arrival: {@code start} cycles plus one gap from now. */
    @Override
    public void start(DeviceContext ctx) {
        ctx.at(ctx.now() + startAt + nextGap(ctx), () -> arrival(ctx));
    }

    /** Cycles to the next arrival; a device with its own distribution (bursts) overrides it. */
    protected long nextGap(DeviceContext ctx) {
        return poisson ? exponential(ctx, interval) : interval;
    }

    /** An exponentially distributed number of cycles with that mean, at least 1, from the device's stream. */
    protected static long exponential(DeviceContext ctx, long mean) {
        return Math.max(1, Math.round(ctx.random().exponential(mean)));
    }

    private void arrival(DeviceContext ctx) {
        arrived(ctx);
        ctx.at(ctx.now() + nextGap(ctx), () -> arrival(ctx));
    }

    /** One arrival, at {@code ctx.now()}: do what the device does, {@link #raise} its IRQ if it interrupts. */
    protected abstract void arrived(DeviceContext ctx);

    /** Raise the device's IRQ and count it. */
    protected final void raise(DeviceContext ctx) {
        raised++;
        ctx.raiseIrq(irq);
    }
}
