package org.l4lab.mkw.extras.devices;

import dev.mkw.hw.sim.Device;
import dev.mkw.hw.sim.DeviceContext;

/**
 * A network card's receive side. Packets arrive with gaps drawn from a distribution:
 * {@code fixed} (every {@code interval} cycles), {@code poisson} (exponential gaps with that
 * mean) or {@code bursty} (trains of {@code burst} back-to-back packets, {@code gap} cycles
 * apart, the trains Poisson with mean {@code interval}).
 *
 * <p>Interrupt moderation as gigabit cards do it (Intel 8254x "Receive Interrupt Delay
 * Timer", RDTR, and "Absolute Delay", RADV: Intel 8254x Family of Gigabit Ethernet
 * Controllers Software Developer's Manual, section 3.2.7): the card raises its IRQ after
 * {@code coalesce} packets have arrived since the last interrupt, or {@code delay} cycles
 * after the first of them, whichever comes first. The driver is assumed to drain the ring
 * on each interrupt.
 */
public final class NetworkCard implements Device {
    public enum Arrivals { FIXED, POISSON, BURSTY }

    private final String name;
    private final int irq;
    private final Arrivals arrivals;
    private final long interval;
    private final int burst;
    private final long gap;
    private final int coalesce;
    private final long delay;

    private int pending;
    private long firstPendingAt = -1;
    private int inTrain;
    private long packets;
    private long raised;

    public NetworkCard(String name, int irq, Arrivals arrivals, long interval, int burst, long gap, int coalesce, long delay) {
        this.name = name;
        this.irq = irq;
        this.arrivals = arrivals;
        this.interval = interval;
        this.burst = burst;
        this.gap = gap;
        this.coalesce = coalesce;
        this.delay = delay;
    }

    @Override public String name() { return name; }
    @Override public int irq() { return irq; }
    @Override public long interruptsRaised() { return raised; }
    public long packetsReceived() { return packets; }

    @Override
    public void start(DeviceContext ctx) {
        ctx.at(ctx.now() + nextGap(ctx), () -> arrive(ctx));
    }

    private long nextGap(DeviceContext ctx) {
        return switch (arrivals) {
            case FIXED -> interval;
            case POISSON -> Math.max(1, Math.round(ctx.random().exponential(interval)));
            case BURSTY -> {
                if (inTrain > 0 && inTrain < burst) yield gap;
                inTrain = 0;
                yield Math.max(1, Math.round(ctx.random().exponential(interval)));
            }
        };
    }

    private void arrive(DeviceContext ctx) {
        if (arrivals == Arrivals.BURSTY) inTrain++;
        packets++;
        if (pending++ == 0) {
            firstPendingAt = ctx.now();
            long due = firstPendingAt + delay;
            ctx.at(due, () -> delayExpired(ctx, due));
        }
        if (pending >= coalesce) interrupt(ctx);
        ctx.at(ctx.now() + nextGap(ctx), () -> arrive(ctx));
    }

    /** The absolute delay timer of the batch that started at {@code due - delay}. */
    private void delayExpired(DeviceContext ctx, long due) {
        if (pending > 0 && firstPendingAt + delay == due) interrupt(ctx);
    }

    private void interrupt(DeviceContext ctx) {
        raised++;
        pending = 0;
        firstPendingAt = -1;
        ctx.raiseIrq(irq);
    }
}
