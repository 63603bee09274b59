package dev.mkw.kernel.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelError;
import dev.mkw.kernel.cap.Cap;
import dev.mkw.kernel.cap.CapSpace;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.memory.MappingDb;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;
import dev.mkw.sim.report.Histogram;
import dev.mkw.sim.report.KernelPathStats;

/**
 * The kernel's state as views, reports, tests and plugins see it: immutable snapshots and
 * plain values, never the kernel's own objects (call while the run is paused or over). The
 * kernel's packages are internal; this class is the way in, so the kernel can change how it
 * keeps its state without breaking its readers.
 */
public final class Inspector {
    private final Kernel k;

    public Inspector(Kernel k) {
        this.k = k;
    }

    // ---- Threads

    /** Every thread: the scenario's in declaration order, then sigma0 (a thread of the system). */
    public List<ThreadInfo> threads() {
        List<ThreadInfo> l = new ArrayList<>();
        for (Tcb t : k.threads()) if (t != k.sigma0Thread()) l.add(info(t));
        if (k.sigma0Thread() != null) l.add(info(k.sigma0Thread()));
        return l;
    }

    /** Thread {@code qualifiedName} ("task.thread", or "sigma0"), or null. */
    public ThreadInfo thread(String qualifiedName) {
        Tcb t = k.thread(qualifiedName);
        return t == null ? null : info(t);
    }

    /** Whether every thread of the scenario has ended (sigma0 serves on). */
    public boolean allThreadsEnded() {
        return k.allDead();
    }

    /** Message register {@code i} of thread {@code qualifiedName}'s UTCB (what its last receive left there). */
    public long messageRegister(String qualifiedName, int i) {
        Tcb t = k.thread(qualifiedName);
        if (t == null) throw new IllegalArgumentException("no thread " + qualifiedName);
        return t.utcb.mr(i);
    }

    private ThreadInfo info(Tcb t) {
        String partner = "";
        if (t.partner != ThreadId.NIL) {
            for (Tcb o : k.threads()) if (o.id == t.partner) partner = o.name;
        }
        return new ThreadInfo(ThreadId.format(t.id), t.name, t.space.name, t.state.name(), t.priority, t.quantum, partner,
                t.stats.userCycles, t.stats.kernelCycles, t.stats.ipcSent, t.stats.ipcReceived, t.stats.pageFaults, t.stats.switches, t.cpu);
    }

    // ---- Processors

    /** Every processor: what runs there and what its multiprocessor mechanisms did. */
    public List<ProcessorInfo> processors() {
        List<ProcessorInfo> out = new java.util.ArrayList<>();
        var lock = k.lock();
        for (dev.mkw.kernel.Processor c : k.processors()) {
            int i = c.index();
            var coherence = c.mem().coherence();
            out.add(new ProcessorInfo(i, c.current() == null ? "" : c.current().name, k.engine().cpuClock(i),
                    k.accounting().total(i) - k.accounting().of(dev.mkw.sim.CycleAccounting.IDLE, i),
                    k.ipis().sent(i), k.ipis().received(i), k.shootdown().initiated(i), k.shootdown().pagesInvalidated(i),
                    k.shootdown().waitCycles(i), lock == null ? 0 : lock.spinCycles(i), lock == null ? 0 : lock.contended(i),
                    coherence == null ? 0 : coherence.transfers(i), coherence == null ? 0 : coherence.invalidations(i)));
        }
        return out;
    }

    // ---- Errors and kernel paths

    /** The errors so far, in order. */
    public List<KernelError> errors() {
        return List.copyOf(k.errors());
    }

    /** Whether an error of {@code kind} was reported. */
    public boolean reported(KernelError.Kind kind) {
        for (KernelError e : k.errors()) if (e.kind() == kind) return true;
        return false;
    }

    /** What each kernel path cost so far (paths that never ran are absent). */
    public SortedMap<String, KernelPathStats> paths() {
        return k.statistics().pathsSoFar();
    }

    /** What kernel path {@code name} cost so far (count 0 if it never ran). */
    public KernelPathStats path(String name) {
        KernelPathStats p = paths().get(name);
        return p != null ? p : new KernelPathStats(name, 0, 0, 0, 0);
    }

    /** Cycles of all kernel paths so far. */
    public long kernelCycles() {
        long sum = 0;
        for (KernelPathStats p : paths().values()) sum += p.total();
        return sum;
    }

    /** Cycles by account (user:..., kernel:..., idle), over all CPUs. */
    public Map<String, Long> accountTotals() {
        return k.accounting().totals();
    }

    /** Ready-queue operations (enqueue, dequeue) the scheduler did: the work eager, lazy and Benno scheduling differ in. */
    public long queueOperations() {
        return k.scheduler().queueOps();
    }

    /** Blocked threads lazy scheduling found in the ready queue and skipped. */
    public long skippedBlocked() {
        return k.scheduler().skippedBlocked();
    }

    /** TCB pages the virtual TCB array faulted in. */
    public long tcbFaults() {
        return k.tcbFaults();
    }

    /** Timeouts armed and not yet expired or cancelled. */
    public int activeTimeouts() {
        return k.ipc().activeTimeouts();
    }

    /** The latencies of the IPCs delivered so far. */
    public Histogram ipcLatency() {
        return k.statistics().ipcLatencySoFar();
    }

    // ---- Memory

    public List<MappingInfo> mappings() {
        List<MappingInfo> l = new ArrayList<>();
        for (AddressSpace s : k.spaces()) l.addAll(mappings(s));
        return l;
    }

    /** The mappings of task {@code task}'s address space ("sigma0" for sigma0's). */
    public List<MappingInfo> mappings(String task) {
        AddressSpace s = space(task);
        return s == null ? List.of() : mappings(s);
    }

    private List<MappingInfo> mappings(AddressSpace s) {
        List<MappingInfo> l = new ArrayList<>();
        for (MappingDb.Node n : k.mappingDb().mappingsOf(s)) {
            String from = n.parent == null ? "" : n.parent.space == k.sigma0() ? "sigma0" : n.parent.space.name + "@" + hex(n.parent.vaddr);
            l.add(new MappingInfo(s.name, hex(n.vaddr), hex(n.frame), Fpage.rightsText(n.rights), from, n.subtreeSize() - 1));
        }
        return l;
    }

    /** The frame task {@code task}'s page table maps {@code vaddr} to, or -1. */
    public long translate(String task, long vaddr) {
        AddressSpace s = space(task);
        return s == null ? -1 : s.translate(vaddr);
    }

    /** Mapping-database nodes that unmap revoked so far. */
    public long revokedMappings() {
        return k.mappingDb().revokedNodes();
    }

    private AddressSpace space(String task) {
        return "sigma0".equals(task) ? k.sigma0() : k.space(task);
    }

    // ---- Interrupts

    public List<IrqInfo> irqs() {
        var pic = k.machine().interruptController();
        List<IrqInfo> l = new ArrayList<>();
        for (int line = 0; line < pic.lines(); line++) {
            var handler = k.interrupts().handlers().get(line);
            long raised = pic.raisedCount(line);
            if (handler == null && raised == 0) continue;
            Histogram lat = irqLatency(line);
            l.add(new IrqInfo(line, line == k.timerLine() && handler == null ? "(kernel timer)" : handler == null ? "" : handler.name,
                    pic.masked(line), pic.pending(line), raised, lat.count(), lat.mean(), lat.max()));
        }
        return l;
    }

    /** Raise-to-handler latencies of {@code line}'s delivered interrupts. */
    public Histogram irqLatency(int line) {
        return k.statistics().irqLatencySoFar(line);
    }

    /** The thread attached to IRQ {@code line} ("task.thread"), or null. */
    public String irqHandler(int line) {
        Tcb t = k.interrupts().handler(line);
        return t == null ? null : t.name;
    }

    // ---- Capabilities

    public List<CapInfo> capabilities() {
        List<CapInfo> l = new ArrayList<>();
        for (Map.Entry<AddressSpace, CapSpace> e : k.capSpaces().entrySet()) l.addAll(capabilities(e.getValue(), e.getKey()));
        return l;
    }

    /** The capabilities in task {@code task}'s capability space, by slot. */
    public List<CapInfo> capabilities(String task) {
        AddressSpace s = k.space(task);
        CapSpace c = s == null ? null : k.capSpace(s);
        return c == null ? List.of() : capabilities(c, s);
    }

    private static List<CapInfo> capabilities(CapSpace space, AddressSpace s) {
        List<CapInfo> l = new ArrayList<>();
        for (Cap c : space.all()) {
            String from = c.parent == null ? "" : c.parent.space().task + "[" + c.parent.slot() + "]";
            l.add(new CapInfo(s.name, c.slot(), c.target.name, "0x" + Long.toHexString(c.badge), Cap.rightsText(c.rights), from));
        }
        return l;
    }

    // ---- Trace

    /** The trace's events (empty when the trace was off). */
    public List<TraceEvent> traceEvents() {
        return k.trace().events();
    }

    /** The IPCs the trace kept (empty when the trace was off). */
    public List<MessageInfo> messages() {
        List<MessageInfo> l = new ArrayList<>();
        for (TraceEvent e : k.trace().events()) {
            if (e.kind() == TraceKind.IPC_SEND) l.add(new MessageInfo(e.cycle(), e.thread(), e.partner(), e.detail(), e.value(), e.path()));
        }
        return l;
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
