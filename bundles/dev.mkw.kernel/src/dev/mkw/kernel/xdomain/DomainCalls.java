package dev.mkw.kernel.xdomain;

import java.util.HashMap;
import java.util.Map;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.CpuFeatures;
import dev.mkw.hw.sim.DomainCallHardware;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.DomainSwitch;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelError;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.ipc.Message;
import dev.mkw.kernel.ipc.Partner;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.sim.TraceKind;

/**
 * Cross-domain calls through user-visible address-space tags (the forum thread "MMU support for
 * microkernels", osdev.org 2013; a scenario's {@code call T via ID}): what the call and return
 * instructions of a {@link DomainCallHardware} contributed by a plugin do, and the kernel's part,
 * the grants ({@link DomainGrants}).
 *
 * <p>The call runs in user mode, the kernel is not entered: the hardware reads the grant-table entry
 * for the caller's tag and the target entry (kernel memory the caller cannot write), faults when the
 * kernel installed none — a protection fault (vector 13) that goes to the caller's exception handler
 * as an exception IPC, the entry's domain is never entered — pushes the linkage record onto the
 * thread's hardware linkage stack, switches tag and page table to the entry's domain without a TLB
 * flush (the TLB keeps the domains apart by tag) and jumps to the entry. The return pops the
 * linkage and switches back. Its cycles are the caller's user cycles: the plugin's instruction costs
 * plus the accesses as the caches serve them.
 *
 * <p>Like LRPC in MKW, the entry's code is the server thread's program ({@code wait any}, then
 * {@code reply-wait}): its cycles are counted under the server thread, although in the forum's scheme
 * the caller's thread runs them. One activation per entry: a call to an entry that is not waiting
 * (busy with another call, or not started) is an error of the scenario, as is a call to an entry on
 * another processor. Arguments and results travel in registers and the UTCB, as the program wrote them.
 */
public final class DomainCalls {
    /** What an instruction did: nothing wrong, a fault for the caller's exception handler, or an error of the scenario. */
    public record Outcome(String fault, String error) {
        static final Outcome DONE = new Outcome(null, null);
        static Outcome fault(String why) { return new Outcome(why, null); }
        static Outcome error(String why) { return new Outcome(null, why); }
    }

    private final Kernel k;
    private final DomainGrants grants;
    private CpuFeatures features;
    /** The hardware each machine check passed for, by id (the check runs once per run). */
    private final Map<String, DomainCallHardware.Costs> checked = new HashMap<>();
    /** For each entry thread serving a call: its caller, and the costs of the hardware it came through. */
    private final Map<Tcb, Tcb> serving = new HashMap<>();
    private final Map<Tcb, DomainCallHardware.Costs> servingCosts = new HashMap<>();

    public DomainCalls(Kernel k) {
        this.k = k;
        this.grants = new DomainGrants(k);
    }

    /** The kernel's grant table (read-only use: views, tests). */
    public DomainGrants grants() {
        return grants;
    }

    /**
     * System call {@code DOMAIN_GRANT} of entry thread {@code server}: the kernel lets the domain of
     * thread {@code to} call it, writing the entry into that domain's grant table (path {@code xdomain.grant}).
     */
    public void grant(Tcb server, long to) {
        KernelPath p = k.path("xdomain.grant");
        p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.MAP_PAGE);
        Partner d = k.caps().partner(server, to);
        Tcb caller = d == null ? null : d.thread();
        if (caller == null || caller.state == ThreadState.DEAD || caller.id != (int) d.id()) {
            k.error(server, null, "allow-call: " + ThreadId.format((int) to) + " is no thread whose domain could be granted", false);
        } else {
            // The first grant maps the caller domain's table and the linkage stacks, which the hardware uses from then on.
            for (long page : new long[] {grants.tableAddress(caller.space), grants.linkageStacks()}) {
                if (!k.kernelMemory().mapped(page)) p.add(k.kernelMemory().mapFresh(page, k.mem()));
            }
            p.touch(grants.entryAddress(caller.space, server, 16), MemoryHierarchy.WRITE);
            grants.install(caller.space, server);
            k.record(TraceKind.MAP, server, caller.name, p.name(), 1, "cross-domain call grant for " + caller.space.name);
        }
        p.cost(CostKind.KERNEL_EXIT);
        k.charge(p, server);
    }

    /** The call instruction of the running thread {@code c} through hardware {@code id} to the entry of thread {@code to}. */
    public Outcome call(Tcb c, String id, long to) {
        DomainCallHardware.Costs costs = costs(id);
        if (costs == null) return Outcome.error(unavailable(id));
        Partner d = k.caps().partner(c, to);
        Tcb s = d == null ? null : d.thread();
        if (s == null || s.state == ThreadState.DEAD || s.id != (int) d.id()) {
            return Outcome.error("call via " + id + ": " + ThreadId.format((int) to) + " is no live thread with an entry point");
        }
        if (s.space == c.space) return Outcome.error("call via " + id + " to " + s.name + ": a call within one domain is a procedure call");
        MemoryHierarchy mem = k.mem();
        // The hardware reads the grant entry for (the caller's tag, the entry): a privileged read the TLB and caches serve.
        long table = grants.entryAddress(c.space, s, costs.grantEntryBytes());
        long cycles = costs.callCycles() + read(mem, table, costs.grantEntryBytes(), MemoryHierarchy.READ);
        if (!grants.allows(c.space, s)) {
            k.chargeUser(c, cycles);
            return Outcome.fault("PROTECTION_FAULT (cross-domain call via " + id + " to " + s.name + ": domain " + c.space.name
                    + " holds no grant for this entry; only the kernel installs grants, by allow-call)");
        }
        if (s.cpu != c.cpu) return Outcome.error("call via " + id + " to " + s.name + " on cpu" + s.cpu + " from cpu" + c.cpu
                + ": MKW runs the entry as the server thread, on the caller's processor (pin both with cpu K)");
        if (s.state != ThreadState.RECEIVING || s.partner != ThreadId.NIL || serving.containsKey(s)) {
            return Outcome.error("call via " + id + " to " + s.name + ": the entry is not waiting for a call (MKW runs an entry as its server thread, "
                    + "one call at a time; the server waits with 'wait any' or 'reply-wait')");
        }
        cycles += read(mem, grants.linkageAddress(c), costs.linkageBytes(), MemoryHierarchy.WRITE);
        k.chargeUser(c, cycles);
        Message m = Message.read(c.utcb);
        c.state = ThreadState.RECEIVING;
        c.partner = s.id;
        c.calling = false;
        k.scheduler().block(c);
        land(c, s, m, id);
        k.ipc().cancelTimeout(s);
        k.ipc().endWait(s);
        serving.put(s, c);
        servingCosts.put(s, costs);
        DomainSwitch.enter(k, s);
        if (k.config().checkInvariants()) {
            String broken = grants.violation(c, s);
            if (broken != null) k.error(KernelError.Kind.INVARIANT, c, null, broken, true);
        }
        return Outcome.DONE;
    }

    /** Whether {@code t} runs an entry for a caller now (its reply is the return instruction). */
    public boolean serving(Tcb t) {
        return serving.containsKey(t);
    }

    /** The return instruction of the running entry thread {@code s}, answering thread {@code to} with the message in its MRs. */
    public Outcome ret(Tcb s, long to) {
        Tcb c = serving.get(s);
        if (c == null) return Outcome.error("return from a cross-domain call, but " + s.name + " serves none");
        if ((to & 0xFFFF_FFFFL) != (c.id & 0xFFFF_FFFFL) && to != dev.mkw.kernel.cap.Capabilities.REPLY) {
            return Outcome.error("a cross-domain call returns to its caller " + c.name + ", not to " + ThreadId.format((int) to));
        }
        DomainCallHardware.Costs costs = servingCosts.remove(s);
        serving.remove(s);
        long cycles = costs.returnCycles() + read(k.mem(), grants.linkageAddress(c), costs.linkageBytes(), MemoryHierarchy.READ);
        k.chargeUser(s, cycles);
        Message m = Message.read(s.utcb);
        if (c.state == ThreadState.RECEIVING && c.partner == s.id) land(s, c, m, "return");
        // The activation ends: the entry waits for the next call; the caller's thread goes on in its own domain.
        s.state = ThreadState.RECEIVING;
        s.partner = ThreadId.NIL;
        k.scheduler().block(s);
        if (c.state != ThreadState.RECEIVING || c.partner != s.id) {
            // The caller stopped waiting meanwhile (ExchangeRegisters canceled it, or it ended): nobody to return to; the scheduler picks who runs.
            return Outcome.DONE;
        }
        c.state = ThreadState.READY;
        DomainSwitch.enter(k, c);
        return Outcome.DONE;
    }

    /** The costs of hardware {@code id} on this machine, or null when there is no such hardware or the machine cannot have it. */
    private DomainCallHardware.Costs costs(String id) {
        DomainCallHardware.Costs c = checked.get(id);
        if (c != null) return c;
        DomainCallHardware hw = features().domainCall(id);
        if (hw == null || hw.unsupported(k.machine().description()) != null || k.config().smallSpaces()) return null;
        c = hw.costs(k.machine().description());
        checked.put(id, c);
        return c;
    }

    /** Why {@code id} cannot run here. */
    private String unavailable(String id) {
        DomainCallHardware hw = features().domainCall(id);
        if (hw == null) {
            return "call via " + id + ": no cross-domain call hardware '" + id + "' is installed (known: "
                    + (features().domainCallIds().isEmpty() ? "none" : String.join(", ", features().domainCallIds()))
                    + "; a plugin contributes one through the extension point " + CpuFeatures.EXTENSION_POINT + ")";
        }
        String why = hw.unsupported(k.machine().description());
        if (why == null) why = "small address spaces (kernel { small-spaces on }) use segments, not tags";
        return "call via " + id + ": machine " + k.machine().name() + " cannot have it: " + why;
    }

    private CpuFeatures features() {
        if (features == null) features = CpuFeatures.standard();
        return features;
    }

    /** A privileged access of {@code bytes} at {@code a}, one per cache line: the cycles. */
    private static long read(MemoryHierarchy mem, long a, int bytes, int kind) {
        long cycles = 0;
        int line = 32;
        for (long x = a & -line; x < a + bytes; x += line) {
            long c = mem.access(x, kind, false);
            if (c != MemoryHierarchy.PAGE_FAULT) cycles += c;
        }
        return cycles;
    }

    /** The message as the receiving program reads it: in its registers and UTCB, as the other side left it. */
    private void land(Tcb from, Tcb to, Message m, String how) {
        m.landUntyped(from, to);
        if (k.trace().isRecording()) {
            k.record(TraceKind.IPC_SEND, from, to.name, "xdomain", m.words().length, k.describeLabel(m.label()) + " (cross-domain " + how + ", no kernel entry)");
            k.record(TraceKind.IPC_RECEIVE, to, from.name, "xdomain", m.words().length, "");
        }
    }
}
