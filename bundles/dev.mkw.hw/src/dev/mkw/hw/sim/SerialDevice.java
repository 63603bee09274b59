package dev.mkw.hw.sim;

/**
 * A UART receiving characters: one arrives every {@code interval} cycles (or at exponential
 * intervals with that mean), and the device raises its IRQ per character ({@code mode byte})
 * or when its receive FIFO reaches the trigger level ({@code mode fifo}; the NS16550A's
 * levels are 1, 4, 8 and 14 bytes, default 14: National Semiconductor PC16550D data sheet,
 * FIFO Control Register). The driver is assumed to drain the FIFO on each interrupt.
 */
public final class SerialDevice extends ArrivalProcessDevice {
    private final int trigger;
    private long received;
    private int inFifo;

    public SerialDevice(String name, int irq, long interval, long startAt, boolean poisson, int trigger) {
        super(name, irq, positive(name, "interval", interval), startAt, poisson);
        if (trigger != 1 && trigger != 4 && trigger != 8 && trigger != 14) {
            throw new IllegalArgumentException("device " + name + ": fifo-trigger must be 1, 4, 8 or 14 bytes (16550A), got " + trigger);
        }
        this.trigger = trigger;
    }

    public long charactersReceived() { return received; }

    /** A character: into the FIFO; at the trigger level the IRQ (the driver drains it). */
    @Override
    protected void arrived(DeviceContext ctx) {
        received++;
        if (++inFifo >= trigger) {
            inFifo = 0;
            raise(ctx);
        }
    }
}
