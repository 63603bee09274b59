package dev.mkw.hw.model;

import java.util.List;
import java.util.Locale;

import dev.mkw.hw.sim.CacheSpec;
import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MachineDescription;
import dev.mkw.hw.sim.MmuSpec;

/** The text of {@code mkw presets}: a table of all presets, or one preset with every figure and its source. */
final class PresetDescriptions {
    private PresetDescriptions() {}

    static String table(List<MachineDescription> machines) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-12s %-44s %-8s %8s  %-30s %s%n", "ID", "MACHINE", "ISA", "MHZ", "TLB", "CACHES"));
        for (MachineDescription d : machines) {
            b.append(String.format(Locale.ROOT, "%-12s %-44s %-8s %8.0f  %-30s %s%n", d.name(), d.title(), d.isa(), d.clockMhz(), tlb(d.mmu()), caches(d)));
        }
        return b.toString();
    }

    private static String tlb(MmuSpec m) {
        String s = m.tlbEntries() + (m.splitTlb() ? "D+" + m.itlbEntries() + "I" : "") + " entries "
                + (m.taggedTlb() ? "tagged(" + m.asidBits() + "b)" : "untagged");
        return s;
    }

    private static String caches(MachineDescription d) {
        StringBuilder b = new StringBuilder();
        for (CacheSpec c : d.caches()) {
            if (b.length() > 0) b.append(", ");
            b.append(c.name()).append(' ').append(size(c.sizeBytes())).append('/').append(c.ways()).append("w/")
                    .append(c.lineBytes()).append("B ").append(c.writeBack() ? "wb" : "wt");
        }
        return b.toString();
    }

    private static String size(long bytes) {
        if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) return (bytes >> 20) + "M";
        return (bytes >> 10) + "K";
    }

    static String full(Machine m, MachineDescription d) {
        StringBuilder b = new StringBuilder();
        b.append(d.title()).append(" (").append(d.name()).append("), ").append(d.isa()).append(", ").append(d.entryMechanism()).append('\n');
        b.append(String.format(Locale.ROOT, "  %d CPU%s at %.0f MHz%n", d.cpus(), d.cpus() == 1 ? "" : "s", d.clockMhz()));
        b.append("sources: ").append(m.getSources() == null ? "" : m.getSources()).append('\n');
        if (!m.getEntryMechanisms().isEmpty()) {
            b.append("kernel entry mechanisms:\n");
            for (EntryMechanism e : m.getEntryMechanisms()) {
                b.append(String.format(Locale.ROOT, "  %-18s entry %5d  exit %5d cycles  %s%s%s%n", e.getName(), e.getEntryCycles(), e.getExitCycles(),
                        nz(e.getSource()), e.isEstimated() ? "  [estimated]" : "", e.getName().equals(d.entryMechanism()) ? "  (the kernel's default; kernel { entry ... } chooses another)" : ""));
            }
        }
        Pipeline pl = m.getPipeline();
        b.append(pl == null ? "pipeline: none (a scalar core: each instruction at its class's cost, one after another)\n"
                : String.format(Locale.ROOT, "pipeline: %s, %d-wide, %d ALU / %d load-store / %d branch units, load-to-use %d cycles%s  %s%s%n", pl.getOrder(),
                        pl.getIssueWidth(), pl.getAluUnits(), pl.getLoadStoreUnits(), pl.getBranchUnits(), pl.getLoadToUse(),
                        pl.getWindow() > 0 ? ", window " + pl.getWindow() : "", nz(pl.getSource()), pl.isEstimated() ? "  [estimated]" : ""));
        b.append("costs (cycles):\n");
        for (Cost c : m.getCosts()) {
            b.append(String.format(Locale.ROOT, "  %-22s %6d cycles  %s%s%n", c.getKind(), c.getCycles(), nz(c.getSource()), c.isEstimated() ? "  [estimated]" : ""));
        }
        if (MachineFactory.selectedMechanism(m) != null) {
            b.append(String.format(Locale.ROOT, "  %-22s %6d cycles  (from %s)%n", CostKind.KERNEL_ENTRY, d.costs().get(CostKind.KERNEL_ENTRY), d.entryMechanism()));
            b.append(String.format(Locale.ROOT, "  %-22s %6d cycles  (from %s)%n", CostKind.KERNEL_EXIT, d.costs().get(CostKind.KERNEL_EXIT), d.entryMechanism()));
        }
        MmuSpec mmu = d.mmu();
        b.append("mmu:\n");
        b.append(String.format(Locale.ROOT, "  page table: %d levels, index bits %s, %d-byte entries; page sizes %s%n", mmu.format().levels(),
                m.getMmu().getIndexBits(), mmu.format().entryBytes(), pageSizes(mmu.pageShifts())));
        b.append(String.format(Locale.ROOT, "  TLB: %d entries, %d-way%s; %s%s%s; walk +%d cycles%n", mmu.tlbEntries(), mmu.tlbWays(),
                mmu.splitTlb() ? " (data), instruction TLB " + mmu.itlbEntries() + " entries, " + mmu.itlbWays() + "-way" : " (unified)",
                mmu.taggedTlb() ? "tagged with " + mmu.asidBits() + "-bit ASIDs" : "untagged: flushed on every address-space switch",
                mmu.globalPages() ? ", global pages" : ", no global pages", mmu.noExecute() ? ", no-execute bit" : "", mmu.walkExtraCycles()));
        b.append("caches:\n");
        if (d.caches().isEmpty()) b.append("  none\n");
        for (CacheSpec c : d.caches()) {
            b.append(String.format(Locale.ROOT, "  %-4s level %d %-11s %6s, %2d-way, %3d-byte lines, %s, %s, +%d cycles%n", c.name(), c.level(),
                    c.kind().name().toLowerCase(Locale.ROOT), size(c.sizeBytes()), c.ways(), c.lineBytes(),
                    c.writeBack() ? "write-back" : "write-through", c.virtuallyIndexed() ? "VIPT" : "PIPT", c.latency()));
        }
        b.append(String.format(Locale.ROOT, "memory: %d MiB, +%d cycles after the last cache level%n", d.memoryBytes() >> 20, d.memoryLatency()));
        InterruptController pic = m.getInterruptController();
        b.append(String.format(Locale.ROOT, "interrupts: %d lines (%s), acknowledge %d cycles%n", d.irqLines(), nz(pic.getModel()), d.irqAckCycles()));
        if (d.timer() != null) b.append(String.format(Locale.ROOT, "timer: IRQ %d every %d cycles%n", d.timer().irq(), d.timer().periodCycles()));
        for (var dev : d.devices()) b.append("device: ").append(dev.type()).append(' ').append(dev.name()).append(" irq ").append(dev.irq()).append(' ').append(dev.parameters()).append('\n');
        return b.toString();
    }

    private static String pageSizes(int[] shifts) {
        StringBuilder b = new StringBuilder();
        for (int s : shifts) {
            if (b.length() > 0) b.append(", ");
            b.append(s >= 30 ? (1L << (s - 30)) + " GiB" : s >= 20 ? (1L << (s - 20)) + " MiB" : (1L << (s - 10)) + " KiB");
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
