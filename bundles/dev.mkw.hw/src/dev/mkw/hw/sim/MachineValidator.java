package dev.mkw.hw.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a machine description before anything is built from it, so a bad figure gets a
 * message naming the element, the field and the value ("cache L1: size 1000 is not a
 * multiple of line size × ways (16 × 4)", "clockMhz 0.0 must be > 0") instead of an
 * exception from deep inside the simulator.
 */
public final class MachineValidator {
    private MachineValidator() {}

    public static List<String> problems(MachineDescription d) {
        List<String> p = new ArrayList<>();
        if (d.cpus() < 1 || d.cpus() > 64) p.add("cpus " + d.cpus() + " is out of range 1..64");
        if (d.pipeline() != null && d.pipeline().problem() != null) p.add(d.pipeline().problem());
        if (!(d.clockMhz() > 0) || Double.isInfinite(d.clockMhz())) p.add("clockMhz " + d.clockMhz() + " must be > 0");
        for (CostKind k : CostKind.values()) {
            Long v = d.costs().get(k);
            if (v == null) p.add("costs: no cost for " + k);
            else if (v < 0) p.add("costs: " + k + " " + v + " is negative");
        }
        if (d.mmu() == null || d.mmu().format() == null) {
            p.add("mmu: missing");
        } else {
            String m = d.mmu().problem();
            if (m != null) p.add("mmu: " + m);
        }
        Set<String> names = new HashSet<>();
        for (CacheSpec c : d.caches()) {
            String where = "cache " + c.name() + ": ";
            if (!names.add(c.name())) p.add(where + "the name is used twice");
            String g = CacheSpec.geometryProblem(c.sizeBytes(), c.lineBytes(), c.ways());
            if (g != null) p.add(where + g);
            if (c.latency() < 0) p.add(where + "latency " + c.latency() + " is negative");
            if (c.level() < 1) p.add(where + "level " + c.level() + " must be at least 1");
        }
        if (d.memoryBytes() <= 0 || (d.memoryBytes() & 0xFFF) != 0 || d.memoryBytes() > (1L << 40)) {
            p.add("memory: size " + d.memoryBytes() + " bytes must be a positive multiple of 4 KiB up to 1 TiB");
        }
        if (d.memoryLatency() < 0) p.add("memory: latency " + d.memoryLatency() + " is negative");
        if (d.irqLines() < 1 || d.irqLines() > 1024) p.add("interruptController: lines " + d.irqLines() + " is out of range 1..1024");
        if (d.irqAckCycles() < 0) p.add("interruptController: ackCycles " + d.irqAckCycles() + " is negative");
        for (int line : d.irqPriorities().keySet()) {
            if (line < 0 || line >= d.irqLines()) p.add("interruptController: priority for line " + line + ", which does not exist");
        }
        if (d.timer() != null) {
            if (d.timer().irq() < 0 || d.timer().irq() >= d.irqLines()) p.add("timer: irq " + d.timer().irq() + " is not a line of the controller (0.." + (d.irqLines() - 1) + ")");
            if (d.timer().periodCycles() <= 0) p.add("timer: periodCycles " + d.timer().periodCycles() + " must be > 0");
        }
        for (DeviceSpec s : d.devices()) {
            if (s.irq() < 0 || s.irq() >= d.irqLines()) p.add("device " + s.name() + ": irq " + s.irq() + " is not a line of the controller (0.." + (d.irqLines() - 1) + ")");
        }
        return p;
    }
}
