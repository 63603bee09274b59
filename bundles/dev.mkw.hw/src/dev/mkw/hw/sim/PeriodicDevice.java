package dev.mkw.hw.sim;

/**
 * A device that raises its IRQ at every arrival, at a fixed interval or at exponentially
 * distributed intervals with the given mean (Poisson arrivals): the programmable timer.
 */
public final class PeriodicDevice extends ArrivalProcessDevice {

    public PeriodicDevice(String name, int irq, long interval, long startAt, boolean poisson) {
        super(name, irq, positive(name, "interval", interval), startAt, poisson);
    }

    @Override
    protected void arrived(DeviceContext ctx) {
        raise(ctx);
    }
}
