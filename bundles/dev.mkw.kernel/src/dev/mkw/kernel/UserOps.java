package dev.mkw.kernel;

import java.util.ArrayList;
import java.util.List;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.cap.Cap;
import dev.mkw.kernel.cap.CapSpace;
import dev.mkw.kernel.ipc.Message;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.scenario.Expr;
import dev.mkw.scenario.KernelConfig;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.SourceRef;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;
import dev.mkw.kernel.tcb.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.user.Evaluator;
import dev.mkw.sim.TraceKind;

/**
 * Executes one operation of the running thread's behaviour: user computation and memory
 * accesses are charged as user cycles; system calls enter the kernel's paths.
 */
public final class UserOps {
    private final Kernel k;

    UserOps(Kernel k) {
        this.k = k;
    }

    /** Run one step of {@code t} with at most {@code budget} cycles of plain computation (the next event). */
    public void step(Tcb t, long budget) {
        Evaluator ev = new Evaluator(t, k.engine.random());
        if (t.program.pendingCycles > 0) {
            long c = Math.min(t.program.pendingCycles, Math.max(1, budget));
            t.program.pendingCycles -= c;
            k.chargeUser(t, c);
            return;
        }
        Op op;
        try {
            op = t.program.next(ev);
        } catch (Evaluator.UserError e) {
            fail(t, e.at, e.getMessage());
            return;
        }
        if (op == null) {
            exit(t);
            return;
        }
        try {
            execute(t, op, ev, budget);
        } catch (Evaluator.UserError e) {
            fail(t, e.at, e.getMessage());
        }
    }

    private void execute(Tcb t, Op op, Evaluator ev, long budget) {
        switch (op) {
            case Op.Compute c -> {
                t.program.pendingCycles = ev.value(c.cycles(), c.at());
                step(t, budget);
            }
            case Op.Fpu f -> {
                k.faults.fpuUse(t);
                t.program.pendingCycles = ev.value(f.cycles(), f.at());
            }
            case Op.Touch tc -> touch(t, tc, ev);
            case Op.Access a -> {
                long addr = ev.value(a.address(), a.at());
                int kind = a.kind() == Op.AccessKind.WRITE ? MemoryHierarchy.WRITE : a.kind() == Op.AccessKind.EXECUTE ? MemoryHierarchy.EXECUTE : MemoryHierarchy.READ;
                if (!access(t, addr, kind, a.at())) t.program.retry();
            }
            case Op.Send s -> k.ipc.send(t, target(t, s.to(), s.at()), targetId(t, s.to(), s.at()), badged(t, s.to(), message(t, s.msg(), ev, s.at()), s.at()), false, timeout(s.timeout()), null);
            case Op.Call c -> {
                t.window = window(t, c.acceptor(), ev, c.at());
                k.ipc.send(t, target(t, c.to(), c.at()), targetId(t, c.to(), c.at()), badged(t, c.to(), message(t, c.msg(), ev, c.at()), c.at()), true, timeout(c.timeout()), c.bindAs());
            }
            case Op.Receive r when r.from() instanceof Target.Irq irq && k.config.irqDelivery() == KernelConfig.IrqDelivery.ASYNC -> {
                // The same driver source for both delivery variants: with asynchronous delivery a
                // receive from an IRQ waits for the line's notification bit, so an experiment that
                // flips the variant compares delivery and nothing else.
                t.notifyAsIrq = irq.line();
                waitNotify(t, 1L << irq.line(), r.bindAs(), timeout(r.timeout()));
            }
            case Op.Receive r -> {
                t.window = window(t, r.acceptor(), ev, r.at());
                if (r.from() instanceof Target.Nil) {
                    k.ipc.receive(t, ThreadId.NIL - 1, timeout(r.timeout()), r.bindAs());
                } else {
                    k.ipc.receive(t, r.from() instanceof Target.Any ? ThreadId.NIL : targetId(t, r.from(), r.at()), timeout(r.timeout()), r.bindAs());
                }
            }
            case Op.Reply r when r.stop() -> stop(t, target(t, r.to(), r.at()), r.at());
            case Op.Reply r -> reply(t, r.to(), message(t, r.msg(), ev, r.at()), r.at());
            case Op.ReplyWait rw -> {
                Tcb d = target(t, rw.to(), rw.at());
                Message m = message(t, rw.msg(), ev, rw.at());
                t.window = window(t, rw.acceptor(), ev, rw.at());
                if (d.state == ThreadState.PAGE_FAULT && d.partner == t.id) {
                    // Answering a page fault or exception: reply (installs mappings), then wait.
                    reply(t, rw.to(), m, rw.at());
                    if (t.state == ThreadState.RUNNING) k.ipc.receive(t, ThreadId.NIL, timeout(rw.timeout()), rw.bindAs());
                } else {
                    k.ipc.replyWait(t, d, m, timeout(rw.timeout()), rw.bindAs());
                }
            }
            case Op.Notify n -> notify(t, target(t, n.to(), n.at()), ev.value(n.bits(), n.at()));
            case Op.WaitNotify w -> {
                t.notifyAsIrq = -1;
                waitNotify(t, ev.value(w.mask(), w.at()), w.bindAs(), timeout(w.timeout()));
            }
            case Op.Raise r -> k.faults.exception(t, r.kind().name(), r.at());
            case Op.IoAccess io -> {
                long port = ev.value(io.port(), io.at());
                if (!k.ioPermitted(t, port)) k.faults.exception(t, "PROTECTION_FAULT (I/O port 0x" + Long.toHexString(port) + " not in the task's I/O bitmap)", io.at());
                else k.chargeUser(t, 30);
            }
            case Op.AttachIrq a -> {
                if (a.line() < 0 || a.line() >= k.irqPending.length) { fail(t, a.at(), "IRQ line " + a.line() + " does not exist on this machine"); return; }
                Tcb other = k.irqHandlers.get(a.line());
                if (other != null && other != t) { fail(t, a.at(), "IRQ " + a.line() + " is already attached to " + other.name); return; }
                k.irqHandlers.put(a.line(), t);
                k.chargeUser(t, 1);
            }
            case Op.DetachIrq d -> { k.irqHandlers.remove(d.line(), t); k.chargeUser(t, 1); }
            case Op.AckIrq a -> k.faults.acknowledge(t, a.line(), a.at());
            case Op.SetInterruptFlag f -> { t.virtualInterrupts = f.enabled(); k.chargeUser(t, 1); }
            case Op.Unmap u -> k.faults.unmap(t, ev.value(u.base(), u.at()), u.sizeLog2(), Fpage.rights(u.rights()), u.flush());
            case Op.RevokeCap rc -> revoke(t, rc.slot(), rc.at());
            case Op.CancelIpc c -> {
                if (c.thread() instanceof Target.Irq) throw new Evaluator.UserError("an IRQ pseudo-thread has no IPC to cancel", c.at());
                Tcb victim = target(t, c.thread(), c.at());
                k.exregs.cancelIpc(t, victim, victimId(t, c.thread(), victim), c.abort(), c.at());
            }
            case Op.Exit e -> exit(t);
            default -> fail(t, op.at(), "operation " + op.getClass().getSimpleName() + " cannot run here");
        }
    }

    private void touch(Tcb t, Op.Touch tc, Evaluator ev) {
        long from = ev.value(tc.from(), tc.at()), to = ev.value(tc.to(), tc.at()), stride = ev.value(tc.stride(), tc.at());
        if (stride <= 0) { fail(t, tc.at(), "touch stride must be > 0"); return; }
        long a = t.program.touchCursor >= 0 ? t.program.touchCursor : from;
        int kind = tc.write() ? MemoryHierarchy.WRITE : MemoryHierarchy.READ;
        for (int n = 0; a < to && n < 256; a += stride, n++) {
            if (!access(t, a, kind, tc.at())) {
                t.program.touchCursor = a;
                t.program.retry();
                return;
            }
        }
        if (a < to) {
            t.program.touchCursor = a;
            t.program.retry();
        } else {
            t.program.touchCursor = -1;
        }
    }

    /** One user access; false if it faulted (the thread then waits for its pager or retries). */
    private boolean access(Tcb t, long addr, int kind, SourceRef at) {
        if (addr < 0 || addr >= k.kernelMemory.base) {
            k.faults.exception(t, String.format("PROTECTION_FAULT (address 0x%x is outside user space)", addr), at);
            return true;
        }
        long c = k.mem.access(addr, kind, true);
        if (c == MemoryHierarchy.PAGE_FAULT) {
            k.faults.pageFault(t, addr, kind, at);
            return false;
        }
        k.chargeUser(t, c + 1);
        return true;
    }

    private void reply(Tcb t, Target to, Message m, SourceRef at) {
        Tcb d = target(t, to, at);
        if (d == null) return;
        if (d.state == ThreadState.PAGE_FAULT && d.partner == t.id) {
            // The reply to a page-fault or exception IPC: install the mappings, resume the thread.
            var p = k.path(m.maps().isEmpty() ? "ipc.slowpath" : "map");
            p.cost(dev.mkw.hw.sim.CostKind.KERNEL_ENTRY).instructions(PathLengths.IPC_SLOWPATH);
            boolean pageFault = d.faultAddress >= 0;
            for (Message.MapRequest mr : m.maps()) k.faults.mapItem(t, d, mr, p);
            // An exception reply carries the thread's new IP and registers.
            String refused = pageFault ? null : ExceptionIpc.resume(k, t, d, m, p);
            p.cost(dev.mkw.hw.sim.CostKind.KERNEL_EXIT);
            k.charge(p, t);
            if (refused != null) k.error(t, at, refused, false);
            if (pageFault && d.space.translate(d.faultAddress) < 0) {
                k.error(d, null, String.format("pager %s replied to the page fault at 0x%x without a usable mapping", t.name, d.faultAddress), true);
                return;
            }
            d.faultAddress = -1;
            d.partner = ThreadId.NIL;
            k.scheduler.makeReady(d);
            t.ipcsSent++;
            return;
        }
        k.ipc.send(t, d, d.id, m, false, 0, null);
    }

    /** A handler's "stop" reply: the thread waiting for its fault or exception reply ends. */
    private void stop(Tcb t, Tcb d, SourceRef at) {
        if (d.state != ThreadState.PAGE_FAULT || d.partner != t.id) {
            k.error(t, at, "reply stop: " + d.name + " is not waiting for an exception or page-fault reply from " + t.name + "; nothing was stopped", false);
            return;
        }
        ExceptionIpc.stop(k, t, d);
        exit(d);
    }

    void notify(Tcb t, Tcb d, long bits) {
        var p = k.path("notify");
        p.cost(dev.mkw.hw.sim.CostKind.KERNEL_ENTRY).instructions(PathLengths.IPC_FASTPATH / 2).touch(d.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE).cost(dev.mkw.hw.sim.CostKind.KERNEL_EXIT);
        d.notifyBits |= bits;
        k.record(TraceKind.NOTIFY, t, d.name, "notify", bits, "");
        k.charge(p, t);
        if (d.state == ThreadState.WAITING_NOTIFY && (d.notifyBits & d.notifyMask) != 0) {
            completeNotifyWait(d, 0);
            k.scheduler.makeReady(d);
        }
    }

    private void waitNotify(Tcb t, long mask, String bindAs, long timeout) {
        t.notifyMask = mask;
        t.bindAs = bindAs;
        if ((t.notifyBits & t.notifyMask) != 0) completeNotifyWait(t, 0);
        else {
            k.block(t, ThreadState.WAITING_NOTIFY);
            // Through the IPC timeout (not an event of its own): it is cancelled when the
            // bits arrive, and the CPU loop counts it when it tells idling from deadlock.
            k.ipc.armTimeout(t, timeout);
        }
    }

    /**
     * Hand the waiting thread the bits it waited for, clearing them; {@code pathCycles}: what
     * the kernel path doing it has spent so far (for the latency of IRQ bits).
     */
    void completeNotifyWait(Tcb t, long pathCycles) {
        long got = t.notifyBits & t.notifyMask;
        t.notifyBits &= ~got;
        for (var e : k.irqHandlers.entrySet()) {
            if (e.getValue() == t && e.getKey() < 64 && (got & (1L << e.getKey())) != 0) k.faults.sample(e.getKey(), pathCycles);
        }
        Message m = t.notifyAsIrq >= 0
                ? new Message(t.notifyAsIrq, new long[0], List.of(), FaultPath.irqThreadId(t.notifyAsIrq), "irq" + t.notifyAsIrq, "interrupt", 0, 0, false)
                : new Message(got, new long[] {got}, List.of(), 0, "notification", "notification", 0, 0, false);
        t.received.put(t.bindAs == null ? "_" : t.bindAs, m);
        k.ipc.cancelTimeout(t);
        if (t.state == ThreadState.WAITING_NOTIFY) t.state = ThreadState.READY;
    }

    private void exit(Tcb t) {
        t.state = ThreadState.DEAD;
        k.scheduler.remove(t);
        for (Tcb s : new ArrayList<>(t.sendQueue)) {
            s.received.put(s.bindAs == null ? "_" : s.bindAs, Message.failed("dead partner", Message.ABORTED, Message.SEND_PHASE));
            k.ipc.cancelTimeout(s);
            k.scheduler.makeReady(s);
        }
        t.sendQueue.clear();
        k.record(TraceKind.THREAD_STATE, t, "", "", 0, "exit");
    }

    private void fail(Tcb t, SourceRef at, String message) {
        k.error(t, at, message, true);
        t.state = ThreadState.DEAD;
    }

    /** The capability in slot {@code slot} of t's space; a slot it does not hold names nothing (no forging). */
    private Cap cap(Tcb t, int slot, SourceRef at) {
        CapSpace space = k.capSpaces.get(t.space);
        Cap c = space == null ? null : space.get(slot);
        if (c == null) throw new Evaluator.UserError("capability slot " + slot + " of task " + t.space.name + " is empty: a thread can only name what its capability space holds", at);
        return c;
    }

    /** A message sent through an IPC gate carries the gate's badge. */
    private Message badged(Tcb t, Target to, Message m, SourceRef at) {
        if (!(to instanceof Target.CapSlot cs)) return m;
        Cap c = cap(t, cs.slot(), at);
        if (!c.can(Cap.SEND)) throw new Evaluator.UserError("capability slot " + cs.slot() + " has no send right (" + Cap.rightsText(c.rights) + ")", at);
        return m.withBadge(c.badge);
    }

    private void revoke(Tcb t, int slot, SourceRef at) {
        Cap c = cap(t, slot, at);
        var p = k.path("cap.revoke");
        p.cost(dev.mkw.hw.sim.CostKind.KERNEL_ENTRY).instructions(PathLengths.IPC_SLOWPATH / 2);
        int n = CapSpace.revokeDerived(c);
        p.instructions(n * PathLengths.MAP_PAGE).cost(dev.mkw.hw.sim.CostKind.KERNEL_EXIT);
        k.record(TraceKind.UNMAP, t, "", "cap.revoke", n, "capability slot " + slot);
        k.charge(p, t);
    }

    Tcb target(Tcb t, Target to, SourceRef at) {
        switch (to) {
            case Target.CapSlot cs -> {
                return cap(t, cs.slot(), at).target;
            }
            case Target.Thread th -> {
                if (k.config.naming() == dev.mkw.scenario.KernelConfig.Naming.CAPABILITIES) {
                    throw new Evaluator.UserError("the kernel names partners by capability (naming capabilities): use 'cap N' instead of the thread name " + th.qualifiedName(), at);
                }
                Tcb d = k.thread(th.qualifiedName());
                if (d == null) throw new Evaluator.UserError("no thread named " + th.qualifiedName(), at);
                return d;
            }
            case Target.Sender s -> {
                Message m = t.received.get(s.var());
                if (m == null) throw new Evaluator.UserError("no message received as '" + s.var() + "' to reply to", at);
                for (Tcb c : k.threads) if (c.id == m.sender()) return c;
                throw new Evaluator.UserError("the sender of '" + s.var() + "' (" + m.senderName() + ") is not a thread one can reply to", at);
            }
            default -> throw new Evaluator.UserError("cannot send to " + to, at);
        }
    }

    /** The thread ID the program names: for the sender of a message, the ID the message carried (it may be stale). */
    private int victimId(Tcb t, Target to, Tcb resolved) {
        if (to instanceof Target.Sender s) return t.received.get(s.var()).sender();
        return resolved.id;
    }

    int targetId(Tcb t, Target to, SourceRef at) {
        if (to instanceof Target.Irq irq) return FaultPath.irqThreadId(irq.line());
        return target(t, to, at).id;
    }

    private Message message(Tcb t, MessageSpec spec, Evaluator ev, SourceRef at) {
        long[] words = new long[spec.words().size()];
        for (int i = 0; i < words.length; i++) words[i] = ev.value(spec.words().get(i), at);
        List<Message.MapRequest> maps = new ArrayList<>();
        List<Message.CapRequest> caps = new ArrayList<>();
        List<Message.StringRequest> strings = new ArrayList<>();
        for (MessageSpec.Item item : spec.items()) {
            if (item instanceof MessageSpec.MapItem mi) {
                long base = ev.value(mi.base(), at);
                maps.add(new Message.MapRequest(base, mi.sizeLog2(), Fpage.rights(mi.rights()), mi.grant(), mi.sendBase() == null ? base : ev.value(mi.sendBase(), at)));
            } else if (item instanceof MessageSpec.StringItem si) {
                strings.add(new Message.StringRequest(ev.value(si.address(), at), ev.value(si.length(), at)));
            } else if (item instanceof MessageSpec.CapItem ci) {
                caps.add(new Message.CapRequest(ci.slot(), Cap.rights(ci.rights())));
            } else {
                throw new Evaluator.UserError(item.getClass().getSimpleName() + " items are not implemented in this version of MKW", at);
            }
        }
        return new Message(ev.value(spec.label(), at), words, maps, t.id, t.name, spec.protocol(), 0, 0, false, 0, caps, -1, strings, 0, 0);
    }

    /** The receive window for mappings; also records the string buffer of the acceptor on {@code t}. */
    private Fpage window(Tcb t, Op.Acceptor a, Evaluator ev, SourceRef at) {
        if (t != null) {
            t.stringBuffer = a != null && a.acceptsStrings() ? ev.value(a.stringBuffer(), at) : -1;
            t.stringLength = a != null && a.acceptsStrings() ? ev.value(a.stringLength(), at) : 0;
        }
        if (a == null || !a.acceptsMappings()) return null;
        if (a.windowSizeLog2() >= 63) return Fpage.COMPLETE;
        return new Fpage(ev.value(a.windowBase(), at), a.windowSizeLog2(), Fpage.RWX);
    }

    private long timeout(Timeout t) {
        return switch (t.kind()) {
            case NEVER -> -1;
            case ZERO -> 0;
            case CYCLES -> t.cycles();
        };
    }

    static long value(Expr e) {
        return ((Expr.Const) e).value();
    }
}
