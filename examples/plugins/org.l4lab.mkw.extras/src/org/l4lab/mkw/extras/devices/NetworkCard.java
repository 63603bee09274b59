package org.l4lab.mkw.extras.devices;

import dev.mkw.hw.sim.ArrivalProcessDevice;
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
 * on each interrupt. The arrival process itself (interval, fixed and Poisson gaps, the IRQ count)
 * is MKW's {@link ArrivalProcessDevice}; the bursts and the moderation are the card's own.
 */
public final class NetworkCard extends ArrivalProcessDevice {
    public enum Arrivals { FIXED, POISSON, BURSTY }

    private final Arrivals arrivals;
    private final int burst;
    private final long gap;
    private final int coalesce;
    private final long delay;

    private int pending;
    private long firstPendingAt = -1;
    private int inTrain;
    private long packets;

    public NetworkCard(String name, int irq, Arrivals arrivals, long interval, int burst, long gap, int coalesce, long delay) {
        super(name, irq, positive(name, "interval", interval), 0, arrivals == Arrivals.POISSON);
        this.arrivals = arrivals;
        this.burst = burst;
        this.gap = gap;
        this.coalesce = coalesce;
        this.delay = delay;
    }

    public long packetsReceived() { return packets; }

    /** Fixed and Poisson gaps as every arrival-process device has them; bursts are this card's own. */
    @Override
    protected long nextGap(DeviceContext ctx) {
        if (arrivals != Arrivals.BURSTY) return super.nextGap(ctx);
        if (inTrain > 0 && inTrain < burst) return gap;
        inTrain = 0;
        return exponential(ctx, interval());
    }

    /** A packet: into the ring; the IRQ after {@code coalesce} of them or {@code delay} after the first. */
    @Override
    protected void arrived(DeviceContext ctx) {
        if (arrivals == Arrivals.BURSTY) inTrain++;
        packets++;
        if (pending++ == 0) {
            firstPendingAt = ctx.now();
            long due = firstPendingAt + delay;
            ctx.at(due, () -> delayExpired(ctx, due));
        }
        if (pending >= coalesce) interrupt(ctx);
    }

    /** The absolute delay timer of the batch that started at {@code due - delay}. */
    private void delayExpired(DeviceContext ctx, long due) {
        if (pending > 0 && firstPendingAt + delay == due) interrupt(ctx);
    }

    private void interrupt(DeviceContext ctx) {
        pending = 0;
        firstPendingAt = -1;
        raise(ctx);
    }
}
