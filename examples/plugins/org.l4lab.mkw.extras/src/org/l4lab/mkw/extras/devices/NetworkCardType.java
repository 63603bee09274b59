package org.l4lab.mkw.extras.devices;

import java.util.Map;

import dev.mkw.hw.sim.Device;
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
                + " (burst packets, gap cycles apart), ring descriptors (default 256), IRQ per coalesce packets (default 1)"
                + " or delay cycles after the first (default 100000)";
    }

    @Override
    public Device create(String name, int irq, Map<String, String> p) {
        NetworkCard.Arrivals arrivals = switch (p.getOrDefault("arrivals", "poisson")) {
            case "fixed" -> NetworkCard.Arrivals.FIXED;
            case "poisson" -> NetworkCard.Arrivals.POISSON;
            case "bursty" -> NetworkCard.Arrivals.BURSTY;
            default -> throw new IllegalArgumentException("device " + name + ": arrivals must be fixed, poisson or bursty, got '" + p.get("arrivals") + "'");
        };
        long interval = number(name, p, "interval", 20_000, 1);
        int burst = (int) number(name, p, "burst", 8, 1);
        long gap = number(name, p, "gap", 1_000, 1);
        int ring = (int) number(name, p, "ring", 256, 1);
        int coalesce = (int) number(name, p, "coalesce", 1, 1);
        if (coalesce > ring) throw new IllegalArgumentException("device " + name + ": coalesce (" + coalesce + ") cannot exceed ring (" + ring + ")");
        long delay = number(name, p, "delay", 100_000, 1);
        return new NetworkCard(name, irq, arrivals, interval, burst, gap, ring, coalesce, delay);
    }

    private static long number(String device, Map<String, String> p, String key, long fallback, long min) {
        String v = p.get(key);
        if (v == null) return fallback;
        long n;
        try {
            n = Long.decode(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("device " + device + ": " + key + " must be a number, got '" + v + "'");
        }
        if (n < min) throw new IllegalArgumentException("device " + device + ": " + key + " must be at least " + min + ", got " + n);
        return n;
    }
}
