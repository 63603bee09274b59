package dev.mkw.hw.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import dev.mkw.hw.sim.CacheSpec;
import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MachineDescription;
import dev.mkw.hw.sim.MmuSpec;
import dev.mkw.hw.sim.PageTableFormat;

/**
 * Maps a Machine model object onto the simulator's {@link MachineDescription}, checking
 * what the metamodel cannot say (a cache size that is not sets × ways × line, a missing
 * cost) and reporting it with the machine and element named.
 */
public final class MachineReader {

    private MachineReader() {}

    public static MachineDescription read(EObject m) {
        String id = str(m, "id");
        List<String> problems = new ArrayList<>();
        Map<CostKind, Long> costs = new EnumMap<>(CostKind.class);
        for (EObject c : list(m, "costs")) {
            String kind = str(c, "kind");
            try {
                costs.put(CostKind.valueOf(kind), lng(c, "cycles"));
            } catch (IllegalArgumentException e) {
                problems.add("cost kind '" + kind + "' is unknown (known: " + java.util.Arrays.toString(CostKind.values()) + ")");
            }
        }
        for (CostKind k : CostKind.values()) if (!costs.containsKey(k)) problems.add("no cost for " + k);
        EObject mmu = obj(m, "mmu");
        PageTableFormat format = null;
        try {
            String[] bits = str(mmu, "indexBits").split(",");
            int[] ib = new int[bits.length];
            for (int i = 0; i < bits.length; i++) ib[i] = Integer.parseInt(bits[i].trim());
            format = new PageTableFormat(integer(mmu, "pageShift"), integer(mmu, "entryBytes"), ib);
        } catch (RuntimeException e) {
            problems.add("mmu: " + e.getMessage());
        }
        int tlbEntries = integer(mmu, "tlbEntries"), tlbWays = integer(mmu, "tlbWays");
        if (tlbWays <= 0 || tlbEntries % tlbWays != 0) problems.add("mmu: " + tlbEntries + " TLB entries is not a multiple of " + tlbWays + " ways");
        List<CacheSpec> caches = new ArrayList<>();
        for (EObject c : list(m, "caches")) {
            CacheSpec spec = new CacheSpec(str(c, "name"), integer(c, "level"), integer(c, "sizeBytes"), integer(c, "lineBytes"),
                    integer(c, "ways"), lng(c, "latency"), bool(c, "writeBack"), bool(c, "virtuallyIndexed"));
            try {
                spec.create();
            } catch (IllegalArgumentException e) {
                problems.add("cache " + e.getMessage());
            }
            caches.add(spec);
        }
        int cpus = integer(m, "cpus");
        if (cpus < 1) problems.add("cpus must be at least 1, got " + cpus);
        double mhz = ((Number) m.eGet(feature(m, "clockMhz"))).doubleValue();
        if (mhz <= 0) problems.add("clockMhz must be > 0");
        EObject mem = obj(m, "memory");
        EObject pic = obj(m, "interruptController");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("machine " + id + ": " + String.join("; ", problems));
        }
        MmuSpec mmuSpec = new MmuSpec(format, tlbEntries, tlbWays, bool(mmu, "taggedTlb"), integer(mmu, "asidBits"),
                bool(mmu, "globalPages"), lng(mmu, "walkExtraCycles"));
        return new MachineDescription(id, str(m, "title"), str(m, "isa"), str(m, "entryMechanism"), cpus, mhz, costs, mmuSpec,
                caches, lng(mem, "sizeMiB") << 20, lng(mem, "latency"), integer(pic, "lines"), lng(pic, "ackCycles"));
    }

    static EStructuralFeature feature(EObject o, String name) {
        EStructuralFeature f = o.eClass().getEStructuralFeature(name);
        if (f == null) throw new IllegalArgumentException(o.eClass().getName() + " has no feature " + name);
        return f;
    }

    static String str(EObject o, String name) {
        Object v = o.eGet(feature(o, name));
        return v == null ? "" : v.toString();
    }

    static long lng(EObject o, String name) { return ((Number) o.eGet(feature(o, name))).longValue(); }

    static int integer(EObject o, String name) { return ((Number) o.eGet(feature(o, name))).intValue(); }

    static boolean bool(EObject o, String name) { return Boolean.TRUE.equals(o.eGet(feature(o, name))); }

    static EObject obj(EObject o, String name) {
        EObject v = (EObject) o.eGet(feature(o, name));
        if (v == null) throw new IllegalArgumentException("machine " + str(o, "id") + ": no " + name);
        return v;
    }

    @SuppressWarnings("unchecked")
    static EList<EObject> list(EObject o, String name) { return (EList<EObject>) o.eGet(feature(o, name)); }
}
