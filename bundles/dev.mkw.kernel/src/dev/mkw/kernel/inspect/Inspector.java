package dev.mkw.kernel.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.cap.Cap;
import dev.mkw.kernel.cap.CapSpace;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.memory.MappingDb;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;

/** Immutable snapshots of the kernel's state for views and reports (call while the run is paused or over). */
public final class Inspector {
    private final Kernel k;

    public Inspector(Kernel k) {
        this.k = k;
    }

    public List<MappingInfo> mappings() {
        List<MappingInfo> l = new ArrayList<>();
        for (AddressSpace s : k.spaces.values()) {
            for (MappingDb.Node n : k.mappingDb.mappingsOf(s)) {
                String from = n.parent == null ? "" : n.parent.space == k.sigma0 ? "sigma0" : n.parent.space.name + "@" + hex(n.parent.vaddr);
                l.add(new MappingInfo(s.name, hex(n.vaddr), hex(n.frame), Fpage.rightsText(n.rights), from, n.subtreeSize() - 1));
            }
        }
        return l;
    }

    public List<IrqInfo> irqs() {
        var pic = k.machine.interruptController();
        List<IrqInfo> l = new ArrayList<>();
        for (int line = 0; line < pic.lines(); line++) {
            var handler = k.interrupts.handlers().get(line);
            long raised = pic.raisedCount(line);
            if (handler == null && raised == 0) continue;
            List<Long> lat = k.irqLatency.getOrDefault(line, List.of());
            double mean = lat.stream().mapToLong(Long::longValue).average().orElse(0);
            long max = lat.stream().mapToLong(Long::longValue).max().orElse(0);
            l.add(new IrqInfo(line, line == k.timerLine && handler == null ? "(kernel timer)" : handler == null ? "" : handler.name,
                    pic.masked(line), pic.pending(line), raised, lat.size(), mean, max));
        }
        return l;
    }

    public List<CapInfo> capabilities() {
        List<CapInfo> l = new ArrayList<>();
        for (Map.Entry<AddressSpace, CapSpace> e : k.capSpaces.entrySet()) {
            for (Cap c : e.getValue().all()) {
                String from = c.parent == null ? "" : c.parent.space().task + "[" + c.parent.slot() + "]";
                l.add(new CapInfo(e.getKey().name, c.slot(), c.target.name, "0x" + Long.toHexString(c.badge), Cap.rightsText(c.rights), from));
            }
        }
        return l;
    }

    /** The IPCs the trace kept (empty when the trace was off). */
    public List<MessageInfo> messages() {
        List<MessageInfo> l = new ArrayList<>();
        for (TraceEvent e : k.trace.events()) {
            if (e.kind() == TraceKind.IPC_SEND) l.add(new MessageInfo(e.cycle(), e.thread(), e.partner(), e.detail(), e.value(), e.path()));
        }
        return l;
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
