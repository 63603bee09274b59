package dev.mkw.hw.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.PageTableFormat;

/**
 * Checks a {@link Machine} model: first what only the model can get wrong (a missing part,
 * an unknown cost kind, a list of index bits that does not parse), then — if the model maps
 * at all — everything {@link dev.mkw.hw.sim.MachineValidator} checks on the description.
 * Messages name the element, the field and the value; nothing is thrown.
 */
public final class MachineModelValidator {
    private static final Set<String> ISAS = Set.of("x86-32", "x86-64", "armv7", "armv8");

    private MachineModelValidator() {}

    /** Every problem of {@code m}, empty if it describes a machine MKW can simulate. */
    public static List<String> problems(Machine m) {
        List<String> p = new ArrayList<>();
        if (m.getId() == null || !m.getId().matches("[A-Za-z][A-Za-z0-9_]*")) p.add("id '" + m.getId() + "' must be letters, digits and underscores");
        if (m.getIsa() == null || !ISAS.contains(m.getIsa())) p.add("isa '" + m.getIsa() + "' is not one of " + String.join(", ", ISAS.stream().sorted().toList()));
        checkCosts(m, p);
        Mmu mmu = m.getMmu();
        if (mmu == null) {
            p.add("mmu: missing");
        } else {
            checkMmu(mmu, p);
        }
        for (Cache c : m.getCaches()) {
            if (MachineFactory.cacheKind(c.getKind()) == null) p.add("cache " + c.getName() + ": kind '" + c.getKind() + "' is not unified, data or instruction");
        }
        if (m.getPipeline() != null && !List.of("in-order", "out-of-order").contains(m.getPipeline().getOrder()))
            p.add("pipeline: order '" + m.getPipeline().getOrder() + "' is not in-order or out-of-order");
        if (m.getMemory() == null) p.add("memory: missing");
        else if (m.getMemory().getSizeMiB() <= 0 || m.getMemory().getSizeMiB() > (1L << 20)) p.add("memory: sizeMiB " + m.getMemory().getSizeMiB() + " is out of range 1..1048576");
        if (m.getInterruptController() == null) {
            p.add("interruptController: missing");
        } else {
            for (IrqPriority q : m.getInterruptController().getPriorities()) {
                if (q.getLine() < 0 || q.getLine() >= m.getInterruptController().getLines()) p.add("interruptController: priority for line " + q.getLine() + ", which does not exist");
            }
        }
        if (!p.isEmpty()) return p; // the description cannot be built: its own checks would repeat these
        return MachineFactory.descriptionProblems(m);
    }

    private static void checkCosts(Machine m, List<String> p) {
        Set<CostKind> seen = EnumSet.noneOf(CostKind.class);
        for (Cost c : m.getCosts()) {
            CostKind k = MachineFactory.costKind(c.getKind());
            if (k == null) p.add("cost kind '" + c.getKind() + "' is unknown (known: " + Arrays.toString(CostKind.values()) + ")");
            else if (!seen.add(k)) p.add("cost " + k + " is given twice");
        }
        if (!m.getEntryMechanisms().isEmpty()) {
            if (MachineFactory.selectedMechanism(m) == null) {
                p.add("entryMechanism '" + m.getEntryMechanism() + "' is not among the entryMechanisms ("
                        + String.join(", ", m.getEntryMechanisms().stream().map(EntryMechanism::getName).toList()) + ")");
            } else {
                seen.add(CostKind.KERNEL_ENTRY);
                seen.add(CostKind.KERNEL_EXIT);
            }
        }
        for (CostKind k : CostKind.values()) if (!seen.contains(k)) p.add("costs: no cost for " + k);
    }

    private static void checkMmu(Mmu mmu, List<String> p) {
        try {
            new PageTableFormat(mmu.getPageShift(), mmu.getEntryBytes(), MachineFactory.shifts(mmu.getIndexBits()));
        } catch (NumberFormatException e) {
            p.add("mmu: indexBits '" + mmu.getIndexBits() + "' must be numbers separated by commas, e.g. 10,10");
        } catch (IllegalArgumentException e) {
            p.add("mmu: " + e.getMessage());
        }
        try {
            MachineFactory.shifts(mmu.getLargePageShifts());
        } catch (NumberFormatException e) {
            p.add("mmu: largePageShifts '" + mmu.getLargePageShifts() + "' must be numbers separated by commas, e.g. 21,30");
        }
        if (mmu.isSplitTlb() && mmu.getItlbEntries() <= 0) p.add("mmu: splitTlb needs itlbEntries, got " + mmu.getItlbEntries());
        if (!mmu.isSplitTlb() && mmu.getItlbEntries() > 0) p.add("mmu: itlbEntries " + mmu.getItlbEntries() + " given but splitTlb is false");
    }
}
