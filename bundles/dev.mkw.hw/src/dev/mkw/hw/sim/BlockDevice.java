package dev.mkw.hw.sim;

/**
 * A disk-like device: requests are served one at a time in arrival order, each taking the
 * service time, and every completion raises the IRQ. Without an arrival interval the device
 * runs closed-loop (the next request is issued as the previous one completes, so an IRQ
 * comes every service time); with one, requests arrive at that interval (fixed or Poisson)
 * and queue while the device is busy.
 *
 * <p>The random quantity ({@code distribution poisson}) is the arrival interval when there is
 * one, otherwise the service time: both drawn from the device's own seeded stream.
 */
public final class BlockDevice implements Device {
    private final String name;
    private final int irq;
    private final long serviceTime;
    private final long interval;
    private final long startAt;
    private final boolean poisson;
    private long queued;
    private boolean busy;
    private long completed;
    private long maxQueue;
    private long busyCycles;

    /** {@code interval} 0: closed loop. */
    public BlockDevice(String name, int irq, long serviceTime, long interval, long startAt, boolean poisson) {
        if (serviceTime <= 0) throw new IllegalArgumentException("device " + name + ": service-time must be > 0 cycles, got " + serviceTime);
        if (interval < 0) throw new IllegalArgumentException("device " + name + ": interval must be >= 0 cycles, got " + interval);
        this.name = name;
        this.irq = irq;
        this.serviceTime = serviceTime;
        this.interval = interval;
        this.startAt = startAt;
        this.poisson = poisson;
    }

    @Override public String name() { return name; }
    @Override public int irq() { return irq; }
    @Override public long interruptsRaised() { return completed; }
    public long requestsCompleted() { return completed; }
    /** The longest the queue of waiting requests got (not counting the one in service). */
    public long maxQueueLength() { return maxQueue; }
    public long busyCycles() { return busyCycles; }

    @Override
    public void start(DeviceContext ctx) {
        if (interval == 0) {
            serveFrom(ctx, ctx.now() + startAt);
        } else {
            ctx.at(ctx.now() + startAt + arrivalGap(ctx), () -> arrive(ctx));
        }
    }

    private long arrivalGap(DeviceContext ctx) {
        return poisson ? Math.max(1, Math.round(ctx.random().exponential(interval))) : interval;
    }

    private long service(DeviceContext ctx) {
        return interval == 0 && poisson ? Math.max(1, Math.round(ctx.random().exponential(serviceTime))) : serviceTime;
    }

    private void arrive(DeviceContext ctx) {
        if (busy) {
            queued++;
            maxQueue = Math.max(maxQueue, queued);
        } else {
            serve(ctx);
        }
        ctx.at(ctx.now() + arrivalGap(ctx), () -> arrive(ctx));
    }

    private void serve(DeviceContext ctx) {
        serveFrom(ctx, ctx.now());
    }

    private void serveFrom(DeviceContext ctx, long begin) {
        busy = true;
        long s = service(ctx);
        busyCycles += s;
        ctx.at(begin + s, () -> complete(ctx));
    }

    private void complete(DeviceContext ctx) {
        completed++;
        busy = false;
        ctx.raiseIrq(irq);
        if (interval == 0) {
            serve(ctx);
        } else if (queued > 0) {
            queued--;
            serve(ctx);
        }
    }
}
