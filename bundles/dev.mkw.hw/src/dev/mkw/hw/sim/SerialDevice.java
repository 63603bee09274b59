package dev.mkw.hw.sim;

/**
 * A UART receiving characters: one arrives every {@code interval} cycles (or at exponential
 * intervals with that mean), and the device raises its IRQ per character ({@code mode byte})
 * or when its receive FIFO reaches the trigger level ({@code mode fifo}; the NS16550A's
 * levels are 1, 4, 8 and 14 bytes, default 14: National Semiconductor PC16550D data sheet,
 * FIFO Control Register). The driver is assumed to drain the FIFO on each interrupt.
 */
public final class SerialDevice implements Device {
    private final String name;
    private final int irq;
    private final long interval;
    private final long startAt;
    private final boolean poisson;
    private final int trigger;
    private long received;
    private int inFifo;
    private long raised;

    public SerialDevice(String name, int irq, long interval, long startAt, boolean poisson, int trigger) {
        if (interval <= 0) throw new IllegalArgumentException("device " + name + ": interval must be > 0 cycles, got " + interval);
        if (trigger != 1 && trigger != 4 && trigger != 8 && trigger != 14) {
            throw new IllegalArgumentException("device " + name + ": fifo-trigger must be 1, 4, 8 or 14 bytes (16550A), got " + trigger);
        }
        this.name = name;
        this.irq = irq;
        this.interval = interval;
        this.startAt = startAt;
        this.poisson = poisson;
        this.trigger = trigger;
    }

    @Override public String name() { return name; }
    @Override public int irq() { return irq; }
    @Override public long interruptsRaised() { return raised; }
    public long charactersReceived() { return received; }

    @Override
    public void start(DeviceContext ctx) {
        ctx.at(ctx.now() + startAt + next(ctx), () -> receive(ctx));
    }

    private long next(DeviceContext ctx) {
        return poisson ? Math.max(1, Math.round(ctx.random().exponential(interval))) : interval;
    }

    private void receive(DeviceContext ctx) {
        received++;
        if (++inFifo >= trigger) {
            inFifo = 0;
            raised++;
            ctx.raiseIrq(irq);
        }
        ctx.at(ctx.now() + next(ctx), () -> receive(ctx));
    }
}
