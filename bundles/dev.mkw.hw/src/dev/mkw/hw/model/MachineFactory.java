package dev.mkw.hw.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mkw.hw.sim.CacheSpec;
import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.DeviceSpec;
import dev.mkw.hw.sim.MachineDescription;
import dev.mkw.hw.sim.MachineValidator;
import dev.mkw.hw.sim.MmuSpec;
import dev.mkw.hw.sim.PageTableFormat;
import dev.mkw.hw.sim.PipelineSpec;
import dev.mkw.hw.sim.SimMachine;

/**
 * Maps a {@link Machine} model onto the simulator: {@link #describe} gives the plain
 * {@link MachineDescription}, {@link #build} the {@link SimMachine}. A model with problems
 * is refused with every problem in one message, each naming the element, field and value
 * ("machine i486_50: cache L1: size 1000 is not a multiple of line size × ways (16 × 4)").
 */
public final class MachineFactory {
    private MachineFactory() {}

    /** A machine ready to simulate; IllegalArgumentException listing the model's problems. */
    public static SimMachine build(Machine m) {
        return new SimMachine(describe(m));
    }

    /** The same as {@link #build}: the contract's name. */
    public static SimMachine create(Machine m) {
        return build(m);
    }

    /** The plain description of {@code m}; IllegalArgumentException listing the model's problems. */
    public static MachineDescription describe(Machine m) {
        List<String> problems = MachineModelValidator.problems(m);
        if (!problems.isEmpty()) throw new IllegalArgumentException("machine " + m.getId() + ": " + String.join("; ", problems));
        return map(m);
    }

    /**
     * The description without the model-level checks: only for {@link MachineModelValidator},
     * which has made sure the parts exist and the lists parse.
     */
    static MachineDescription map(Machine m) {
        Mmu mmu = m.getMmu();
        PageTableFormat format = new PageTableFormat(mmu.getPageShift(), mmu.getEntryBytes(), shifts(mmu.getIndexBits()));
        MmuSpec mmuSpec = new MmuSpec(format, mmu.getTlbEntries(), mmu.getTlbWays(), mmu.isTaggedTlb(), mmu.getAsidBits(), mmu.isGlobalPages(),
                mmu.getWalkExtraCycles(), mmu.isSplitTlb() ? mmu.getItlbEntries() : 0, mmu.isSplitTlb() ? mmu.getItlbWays() : 0,
                shifts(mmu.getLargePageShifts()), mmu.isNoExecute());
        List<CacheSpec> caches = new ArrayList<>();
        for (Cache c : m.getCaches()) {
            caches.add(new CacheSpec(c.getName(), c.getLevel(), cacheKind(c.getKind()), c.getSizeBytes(), c.getLineBytes(), c.getWays(),
                    c.getLatency(), c.isWriteBack(), c.isVirtuallyIndexed()));
        }
        List<DeviceSpec> devices = new ArrayList<>();
        for (Device d : m.getDevices()) {
            Map<String, String> p = new TreeMap<>();
            for (Parameter q : d.getParameters()) p.put(q.getName(), q.getValue());
            devices.add(new DeviceSpec(d.getType(), d.getName(), d.getIrq(), p));
        }
        Map<Integer, Integer> priorities = new TreeMap<>();
        for (IrqPriority q : m.getInterruptController().getPriorities()) priorities.put(q.getLine(), q.getPriority());
        Timer t = m.getTimer();
        InterruptController pic = m.getInterruptController();
        return new MachineDescription(m.getId(), m.getTitle() == null ? m.getId() : m.getTitle(), m.getIsa(), m.getEntryMechanism(),
                m.getCpus(), m.getClockMhz(), costs(m), mmuSpec, caches, m.getMemory().getSizeMiB() << 20, m.getMemory().getLatency(),
                pic.getLines(), pic.getAckCycles(), priorities, t == null ? null : new MachineDescription.TimerSpec(t.getIrq(), t.getPeriodCycles()), devices,
                m.getEntryMechanisms().stream().map(e -> new MachineDescription.EntryCost(e.getName(), e.getEntryCycles(), e.getExitCycles(), e.isEstimated())).toList(),
                pipeline(m.getPipeline()));
    }

    /** The pipeline, or null where the machine has none; an order other than in-order or out-of-order is left to the validator. */
    static PipelineSpec pipeline(Pipeline p) {
        if (p == null) return null;
        return new PipelineSpec("out-of-order".equals(p.getOrder()), p.getIssueWidth(), p.getAluUnits(), p.getLoadStoreUnits(), p.getBranchUnits(),
                p.getLoadToUse(), p.getWindow(), p.isEstimated());
    }

    /** The cost table: the listed costs, KERNEL_ENTRY/EXIT from the selected entry mechanism when it is listed. */
    static Map<CostKind, Long> costs(Machine m) {
        Map<CostKind, Long> costs = new EnumMap<>(CostKind.class);
        for (Cost c : m.getCosts()) {
            CostKind k = costKind(c.getKind());
            if (k != null) costs.put(k, c.getCycles());
        }
        EntryMechanism e = selectedMechanism(m);
        if (e != null) {
            costs.put(CostKind.KERNEL_ENTRY, e.getEntryCycles());
            costs.put(CostKind.KERNEL_EXIT, e.getExitCycles());
        }
        return costs;
    }

    /** The entry mechanism {@code entryMechanism} names, or null if the machine lists none by that name. */
    public static EntryMechanism selectedMechanism(Machine m) {
        for (EntryMechanism e : m.getEntryMechanisms()) if (e.getName() != null && e.getName().equals(m.getEntryMechanism())) return e;
        return null;
    }

    static CostKind costKind(String name) {
        for (CostKind k : CostKind.values()) if (k.name().equals(name)) return k;
        return null;
    }

    static CacheSpec.Kind cacheKind(String kind) {
        if (kind == null) return CacheSpec.Kind.UNIFIED;
        return switch (kind) {
            case "unified" -> CacheSpec.Kind.UNIFIED;
            case "data" -> CacheSpec.Kind.DATA;
            case "instruction" -> CacheSpec.Kind.INSTRUCTION;
            default -> null;
        };
    }

    /** "10,10" → {10, 10}; "" or null → {}; NumberFormatException on anything else. */
    static int[] shifts(String list) {
        if (list == null || list.isBlank()) return new int[0];
        String[] parts = list.split(",");
        int[] r = new int[parts.length];
        for (int i = 0; i < parts.length; i++) r[i] = Integer.parseInt(parts[i].trim());
        return r;
    }

    /** The description-level problems of a model whose parts exist and parse (see {@link MachineModelValidator}). */
    static List<String> descriptionProblems(Machine m) {
        return MachineValidator.problems(map(m));
    }
}
