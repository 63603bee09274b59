package dev.mkw.kernel.baseline.lrpc;

import java.util.HashMap;
import java.util.Map;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.Processor;
import dev.mkw.kernel.abi.IpcError;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.baseline.BaselineCode;
import dev.mkw.kernel.baseline.BaselineIpc;
import dev.mkw.kernel.baseline.BaselineLayout;
import dev.mkw.kernel.ipc.Message;
import dev.mkw.kernel.ipc.Partner;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.sim.TraceKind;

/**
 * Lightweight RPC (variant {@code kernel { ipc lrpc }}; Bershad, Anderson, Lazowska, Levy,
 * "Lightweight Remote Procedure Call", TOCS 8(1), 1990; Advanced OS week 6, "LRPC"): a call runs the
 * caller's own thread in the server's domain. The client stub pushes the arguments onto the
 * A-stack it shares with the server; the kernel verifies the binding object and the A-stack, saves
 * the caller's return address and stack pointer in the A-stack's linkage record and pushes it on the
 * thread's linkage stack, finds an E-stack in the server's domain, switches the address space and
 * upcalls the server's stub, which reads the arguments in place. The return traps once more: the
 * linkage is popped and the thread goes back to the caller's domain, where the client stub reads the
 * results off the A-stack. No message is queued or copied by the kernel, no scheduler runs, no
 * thread is switched: what is left is the two traps, the two address-space switches (with an
 * untagged TLB, the flushes: "the address space switch is most of the overhead") and the stubs'
 * copies. Paths {@code lrpc.call} and {@code lrpc.return}; the stubs' A-stack copies are in them, as
 * the paper's breakdown (its Table IV) counts the stubs in the call.
 *
 * <p>MKW runs the server's procedure as the server thread's program: its cycles are that thread's,
 * although in LRPC it is the caller's thread that executes them. A server's program is one
 * activation: a second call while one runs waits for it (LRPC would give it a second E-stack).
 * Sends without a reply, closed receives, typed items and call timeouts are not LRPC: they are refused. Page-fault,
 * exception and interrupt IPC, and sigma0, stay L4's.
 */
public final class Lrpc extends BaselineIpc {
    /** Where a TCB keeps the top of its linkage stack (nested calls), past L4's hot fields. */
    static final int OFF_LINKAGE_TOP = 96;
    private static final int WORD = 8;
    /** The windows the kernel maps A-stacks and E-stacks through (the binding's authority over them). */
    private static final Fpage ASTACKS = new Fpage(BaselineLayout.lrpcAstack(0), 27, Fpage.R | Fpage.W),
            ESTACKS = new Fpage(BaselineLayout.lrpcEstack(0), 27, Fpage.R | Fpage.W);

    private final Map<Long, Binding> bindings = new HashMap<>();
    private final Map<Tcb, Long> estacks = new HashMap<>();
    /** For each server activation in progress, the binding of the call it serves. */
    private final Map<Tcb, Binding> serving = new HashMap<>();
    /** On a multiprocessor: the exchange with a processor idling in the domain called or returned to. */
    private final IdleExchange exchange;

    public Lrpc(Kernel k) {
        super(k);
        this.exchange = new IdleExchange(k, code);
    }

    @Override
    protected void createObjects() {
        mapKernel(BaselineLayout.lrpcBinding(k.kernelMemory().base, 0), BaselineLayout.lrpcBinding(k.kernelMemory().base, 64));
        mapKernel(BaselineLayout.lrpcLinkage(k.kernelMemory().base, 0), BaselineLayout.lrpcLinkage(k.kernelMemory().base, 64));
        if (exchange.possible()) mapKernel(BaselineLayout.lrpcIdleDomain(k.kernelMemory().base, 0), BaselineLayout.lrpcIdleDomain(k.kernelMemory().base, k.processorCount()));
        for (var s : k.spaces()) mapKernel(BaselineLayout.lrpcEstackPool(k.kernelMemory().base, s.asid), BaselineLayout.lrpcEstackPool(k.kernelMemory().base, s.asid) + 256);
    }

    @Override
    public void ipc(Tcb s) {
        UserRegisters r = s.regs;
        long to = r.get(UserRegisters.TO), from = r.get(UserRegisters.FROM);
        if (kernelProtocol(s, to, from)) {
            k.ipc().ipc(s);
            return;
        }
        if (to == UserRegisters.NIL) {
            if (from != UserRegisters.ANY) {
                refuse(s, "a closed receive is no LRPC operation (a client gets its results when its call returns)");
                return;
            }
            await(s);
            return;
        }
        Partner d = k.caps().partner(s, to);
        Tcb server = d == null ? null : d.thread();
        if (server == null || server.state == ThreadState.DEAD || server.id != (int) d.id() || server.space == s.space) {
            KernelPath p = trap("lrpc.call", s);
            if (server != null && server.space == s.space) k.error(s, null, "LRPC to " + server.name + ": a call within one domain is a procedure call, not an LRPC", false);
            else if (d != null) k.error(s, null, "LRPC to " + ThreadId.format((int) d.id()) + ": no binding to such a server", false);
            k.ipc().transfer().fail(s, IpcError.NON_EXISTING_PARTNER, IpcError.SEND_PHASE);
            leave(p, s);
            return;
        }
        Message m = Message.read(s.utcb);
        if (!m.items().isEmpty()) {
            refuse(s, "typed items (map, grant, string, capability) are L4's; LRPC passes arguments by value on the A-stack");
            return;
        }
        if (from != UserRegisters.ANY && (r.get(UserRegisters.SEND_TIMEOUT) != -1 || r.get(UserRegisters.RECV_TIMEOUT) != -1)) {
            refuse(s, "an LRPC call has no timeout: it is a procedure call run by the caller's own thread (use timeout never)");
            return;
        }
        if (from == UserRegisters.ANY) ret(s, server, m);
        else if (from == to) call(s, server, m);
        else refuse(s, "a send without waiting for the reply is no LRPC operation: LRPC has calls only");
    }

    /** The call: stub, trap, binding and A-stack checks, linkage, E-stack, address-space switch, upcall. */
    private void call(Tcb s, Tcb server, Message m) {
        Binding b = binding(s, server);
        KernelPath p = k.path("lrpc.call");
        // The client stub pushes the arguments onto the A-stack (the caller's domain is loaded).
        int words = m.words().length + 1;
        for (int i = 0; i < words; i++) p.touch(b.astack() + (long) i * WORD, MemoryHierarchy.WRITE);
        p.execute(KernelCode.COPY_WORD, PathLengths.PER_WORD * words);
        p.cost(CostKind.KERNEL_ENTRY);
        code.execute(p, BaselineCode.LRPC_CALL);
        p.touch(b.bindingObject(), MemoryHierarchy.READ).touch(b.bindingObject() + 16, MemoryHierarchy.READ);
        code.execute(p, BaselineCode.LRPC_ASTACK);
        p.touch(b.linkage(), MemoryHierarchy.READ).touch(b.linkage(), MemoryHierarchy.WRITE);
        s.sendStart = k.now();
        if (server.state != ThreadState.RECEIVING || server.partner != ThreadId.NIL) {
            // The server's one activation is busy: this caller waits for it.
            s.state = ThreadState.SENDING;
            s.calling = true;
            s.partner = server.id;
            server.sendQueue.addLast(s);
            k.scheduler().block(s);
            p.cost(CostKind.KERNEL_EXIT);
            k.charge(p, s);
            return;
        }
        Processor there = exchange.possible() ? exchange.find(server.space, p) : null;
        enterServer(s, server, b, m, p);
        if (there != null) {
            // The server's activation is taken (no second caller enters it) until the processor
            // idling in its domain picks the call up; there its stub runs off the E-stack and reads
            // the arguments the client stub just wrote: their lines come from this processor's cache.
            server.partner = s.id;
            exchange.exchange(server, there, p, q -> {
                server.partner = ThreadId.NIL;
                q.touch(b.estack(), MemoryHierarchy.WRITE);
                for (int i = 0; i < words; i++) q.touch(b.astack() + (long) i * WORD, MemoryHierarchy.READ);
            });
            p.cost(CostKind.KERNEL_EXIT);
            k.charge(p, s);
        } else {
            k.migrateTo(server, p);
            // The server stub runs on the E-stack.
            p.touch(b.estack(), MemoryHierarchy.WRITE);
            p.cost(CostKind.KERNEL_EXIT);
            // The server stub finds the arguments on the A-stack, now through the server's page table.
            for (int i = 0; i < words; i++) p.touch(b.astack() + (long) i * WORD, MemoryHierarchy.READ);
            k.charge(p, server);
        }
        k.ipcDelivered(s, server, m.words().length, p.cycles());
    }

    /** Steps 4 to 9 of the calling sequence, for caller {@code s} whose A-stack is checked: the thread goes into the server's domain. */
    private void enterServer(Tcb s, Tcb server, Binding b, Message m, KernelPath p) {
        code.execute(p, BaselineCode.LRPC_LINKAGE);
        p.touch(b.linkage() + 8, MemoryHierarchy.WRITE).touch(b.linkage() + 16, MemoryHierarchy.WRITE);
        p.touch(s.address + OFF_LINKAGE_TOP, MemoryHierarchy.READ).touch(s.address + OFF_LINKAGE_TOP, MemoryHierarchy.WRITE);
        code.execute(p, BaselineCode.LRPC_ESTACK);
        long pool = BaselineLayout.lrpcEstackPool(k.kernelMemory().base, server.space.asid);
        p.touch(pool, MemoryHierarchy.READ).touch(b.linkage() + 24, MemoryHierarchy.WRITE);
        code.execute(p, BaselineCode.LRPC_UPCALL);
        s.stats.ipcSent++;
        s.state = ThreadState.RECEIVING;
        s.partner = server.id;
        s.calling = false;
        k.scheduler().block(s);
        serving.put(server, b);
        land(s, server, m, p);
        server.replyCap = s.id;
        k.ipc().endWait(server);
    }

    /** The return: the server stub's results onto the A-stack, the trap, the linkage popped, back into the caller's domain. */
    private void ret(Tcb server, Tcb caller, Message m) {
        Binding b = serving.get(server);
        if (b == null || caller.state != ThreadState.RECEIVING || caller.partner != server.id) {
            refuse(server, "return to " + caller.name + ", whose call this activation does not serve");
            return;
        }
        serving.remove(server);
        KernelPath p = k.path("lrpc.return");
        int words = m.words().length + 1;
        for (int i = 0; i < words; i++) p.touch(b.astack() + (long) i * WORD, MemoryHierarchy.WRITE);
        p.execute(KernelCode.COPY_WORD, PathLengths.PER_WORD * words);
        p.cost(CostKind.KERNEL_ENTRY);
        code.execute(p, BaselineCode.LRPC_RETURN);
        p.touch(caller.address + OFF_LINKAGE_TOP, MemoryHierarchy.READ).touch(caller.address + OFF_LINKAGE_TOP, MemoryHierarchy.WRITE);
        p.touch(b.linkage() + 8, MemoryHierarchy.READ).touch(b.linkage() + 16, MemoryHierarchy.READ).touch(b.linkage(), MemoryHierarchy.WRITE);
        server.stats.ipcSent++;
        land(server, caller, m, p);
        k.ipc().endWait(caller);
        server.replyCap = ThreadId.NIL;
        // The activation ends: the server's E-stack is free for the next call.
        server.state = ThreadState.RECEIVING;
        server.partner = ThreadId.NIL;
        k.scheduler().block(server);
        Tcb next = server.sendQueue.pollFirst();
        if (next != null) {
            // A caller waited for the activation: its call starts now, on its own thread, when that runs.
            Message nm = startQueuedCall(next, server, p);
            k.ipc().endWait(server);
            k.scheduler().makeReady(server);
            k.ipcDelivered(next, server, nm.words().length, 0);
        }
        Processor back = exchange.possible() ? exchange.find(caller.space, p) : null;
        if (back != null) {
            // The same trick on the way back: the caller's processor idles in the caller's domain.
            exchange.exchange(caller, back, p, q -> {
                for (int i = 0; i < words; i++) q.touch(b.astack() + (long) i * WORD, MemoryHierarchy.READ);
            });
            p.cost(CostKind.KERNEL_EXIT);
            k.charge(p, server);
        } else {
            k.migrateTo(caller, p);
            p.cost(CostKind.KERNEL_EXIT);
            for (int i = 0; i < words; i++) p.touch(b.astack() + (long) i * WORD, MemoryHierarchy.READ);
            k.charge(p, caller);
        }
        k.ipcDelivered(server, caller, m.words().length, p.cycles());
    }

    /**
     * Caller {@code c}, queued while the server's E-stack was in use, starts its call: it waits
     * for the return on its binding, its arguments land in the server's activation. Returns them.
     */
    private Message startQueuedCall(Tcb c, Tcb server, KernelPath p) {
        Binding b = binding(c, server);
        Message m = Message.read(c.utcb);
        c.state = ThreadState.RECEIVING;
        c.partner = server.id;
        c.stats.ipcSent++;
        serving.put(server, b);
        land(c, server, m, p);
        server.replyCap = c.id;
        return m;
    }

    /**
     * A server waits for calls (its first {@code wait any}): its E-stack is free, no thread waits
     * in LRPC, so the CPU goes to whoever is ready. A caller that came first starts its call now.
     */
    private void await(Tcb server) {
        KernelPath p = trap("lrpc.wait", server);
        Tcb c = server.sendQueue.pollFirst();
        if (c != null) {
            Message m = startQueuedCall(c, server, p);
            leave(p, server);
            k.ipcDelivered(c, server, m.words().length, p.cycles());
            return;
        }
        server.state = ThreadState.RECEIVING;
        server.partner = ThreadId.NIL;
        k.scheduler().block(server);
        leave(p, server);
    }

    /** The binding of {@code client}'s domain to {@code server}: made at import, before the first call, so not charged to it. */
    private Binding binding(Tcb client, Tcb server) {
        long key = ((long) client.space.asid << 32) | (ThreadId.number(server.id) & 0xFFFF_FFFFL);
        Binding b = bindings.get(key);
        if (b != null) return b;
        int n = bindings.size();
        if (n >= 64) throw new IllegalStateException("LRPC: more than 64 bindings");
        long base = k.kernelMemory().base;
        long astack = BaselineLayout.lrpcAstack(n);
        // The A-stack: one frame, mapped read-write into both domains at the same address.
        long frame = k.frames().allocate(k.machine().memory().frameSize());
        var root = k.mappingDb().root(frame, k.sigma0());
        long[] c = {0};
        for (var space : java.util.List.of(client.space, server.space)) {
            k.mappingDb().map(root, space, astack, Fpage.R | Fpage.W, ASTACKS, k.mem(), c);
            space.map(astack, frame, Fpage.R | Fpage.W, true, false, k.mem());
        }
        long estack = estacks.computeIfAbsent(server, t -> {
            long a = BaselineLayout.lrpcEstack(ThreadId.number(t.id));
            long f = k.frames().allocate(k.machine().memory().frameSize());
            k.mappingDb().map(k.mappingDb().root(f, k.sigma0()), t.space, a, Fpage.R | Fpage.W, ESTACKS, k.mem(), c);
            t.space.map(a, f, Fpage.R | Fpage.W, true, false, k.mem());
            return a + k.machine().memory().frameSize() - 64;
        });
        b = new Binding(n, server, BaselineLayout.lrpcBinding(base, n), BaselineLayout.lrpcLinkage(base, n), astack, estack);
        bindings.put(key, b);
        k.record(TraceKind.MAP, client, server.name, "lrpc.bind", 1, "A-stack");
        return b;
    }

    /** The message as the receiving program reads it (its stub found it on the A-stack). */
    private void land(Tcb from, Tcb to, Message m, KernelPath p) {
        m.landUntyped(from, to);
        to.stats.ipcReceived++;
        k.ipc().cancelTimeout(to);
        if (k.trace().isRecording()) {
            k.record(TraceKind.IPC_SEND, from, to.name, p.name(), m.words().length, k.describeLabel(m.label()) + " (LRPC)");
            k.record(TraceKind.IPC_RECEIVE, to, from.name, p.name(), m.words().length, "");
        }
    }

    private void refuse(Tcb s, String why) {
        KernelPath p = trap("lrpc.call", s);
        k.error(s, null, "LRPC: " + why, false);
        k.ipc().transfer().fail(s, IpcError.NON_EXISTING_PARTNER, IpcError.SEND_PHASE);
        leave(p, s);
    }

    private KernelPath trap(String name, Tcb t) {
        KernelPath p = k.path(name);
        p.cost(CostKind.KERNEL_ENTRY);
        code.execute(p, BaselineCode.LRPC_CALL);
        return p;
    }

    private void leave(KernelPath p, Tcb t) {
        p.cost(CostKind.KERNEL_EXIT);
        k.charge(p, t);
    }
}
