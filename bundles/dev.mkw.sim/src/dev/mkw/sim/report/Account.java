package dev.mkw.sim.report;

import java.util.List;

/**
 * One cycle account (see {@link dev.mkw.sim.CycleAccounting}) with its cycles per CPU.
 *
 * @param name   {@code user:task.thread}, {@code kernel:path} or {@code idle}
 * @param perCpu cycles per CPU index
 */
public record Account(String name, List<Long> perCpu) {
    public Account {
        perCpu = List.copyOf(perCpu);
    }

    public long total() {
        long s = 0;
        for (long c : perCpu) s += c;
        return s;
    }

    public boolean isUser() { return name.startsWith(dev.mkw.sim.CycleAccounting.USER); }
    public boolean isKernel() { return name.startsWith(dev.mkw.sim.CycleAccounting.KERNEL); }
    public boolean isIdle() { return name.equals(dev.mkw.sim.CycleAccounting.IDLE); }
}
