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
public final class BlockDevice extends ArrivalProcessDevice {
    private final long serviceTime;
    private long queued;
    private boolean busy;
    private long maxQueue;
    private long busyCycles;

    /** {@code interval} 0: closed loop. */
    public BlockDevice(String name, int irq, long serviceTime, long interval, long startAt, boolean poisson) {
        super(name, irq, interval, startAt, poisson);
        if (serviceTime <= 0) throw new IllegalArgumentException("device " + name + ": service-time must be > 0 cycles, got " + serviceTime);
        this.serviceTime = serviceTime;
    }

    public long requestsCompleted() { return interruptsRaised(); }
    /** The longest the queue of waiting requests got (not counting the one in service). */
    public long maxQueueLength() { return maxQueue; }
    public long busyCycles() { return busyCycles; }

    /** Closed loop (no interval): the first request is issued at start; else requests arrive. */
    @Override
    public void start(DeviceContext ctx) {
        if (interval() == 0) {
            serveFrom(ctx, ctx.now() + startAt());
        } else {
            super.start(ctx);
        }
    }

    private long service(DeviceContext ctx) {
        return interval() == 0 && poisson() ? exponential(ctx, serviceTime) : serviceTime;
    }

    /** A request: served at once if the device is idle, else queued. */
    @Override
    protected void arrived(DeviceContext ctx) {
        if (busy) {
            queued++;
            maxQueue = Math.max(maxQueue, queued);
        } else {
            serve(ctx);
        }
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
        busy = false;
        raise(ctx);
        if (interval() == 0) {
            serve(ctx);
        } else if (queued > 0) {
            queued--;
            serve(ctx);
        }
    }
}
