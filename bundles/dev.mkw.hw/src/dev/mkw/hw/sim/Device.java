package dev.mkw.hw.sim;

/** A simulated device that raises interrupts. Contributed through {@link DeviceType}. */
public interface Device {
    String name();

    int irq();

    /** Schedule the first events; called once when the run starts. */
    void start(DeviceContext ctx);

    /** Events seen so far (interrupts raised), for reports. */
    long interruptsRaised();
}
