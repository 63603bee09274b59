package org.l4lab.mkw.extras.devices;

import java.util.Map;

import dev.mkw.hw.sim.Device;
import dev.mkw.hw.sim.DeviceParameters;
import dev.mkw.hw.sim.DeviceType;

/**
 * {@code device nic eth0 irq 11 interval 20000 cycles arrivals poisson coalesce 4 delay 50000 cycles}:
 * see {@link NetworkCard} for what each parameter means. Bad values are refused with the
 * device, the parameter and the value.
 */
public final class NetworkCardType implements DeviceType {
    @Override public String id() { return "nic"; }

    @Override
    public String description() {
        return "network card (L4 Lab): packets every interval cycles (default 20000), arrivals fixed|poisson|bursty"
                + " (burst packets, gap cycles apart), IRQ per coalesce packets (default 1)"
                + " or delay cycles after the first (default 100000)";
    }

    @Override
    public Device create(String name, int irq, Map<String, String> p) {
        DeviceParameters q = new DeviceParameters(name, p);
        NetworkCard.Arrivals arrivals = switch (q.choice("arrivals", "poisson", "fixed", "bursty")) {
            case "fixed" -> NetworkCard.Arrivals.FIXED;
            case "bursty" -> NetworkCard.Arrivals.BURSTY;
            default -> NetworkCard.Arrivals.POISSON;
        };
        int coalesce = (int) q.number(1, 1, "coalesce");
        return new NetworkCard(name, irq, arrivals, q.number(20_000, 1, "interval"), (int) q.number(8, 1, "burst"), q.number(1_000, 1, "gap"),
                coalesce, q.number(100_000, 1, "delay"));
    }
}
