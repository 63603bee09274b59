package dev.mkw.user;

import java.util.ArrayList;
import java.util.List;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.abi.Acceptor;
import dev.mkw.kernel.abi.SystemCall;
import dev.mkw.kernel.abi.TypedItem;
import dev.mkw.kernel.abi.UserCode;
import dev.mkw.kernel.abi.UserCpu;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.SourceRef;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.ThreadSpec;

/**
 * The scenario interpreter for one thread: user-level code that runs the thread's program
 * ({@link ThreadSpec#body()}) on the simulated CPU. Computation and memory accesses go to the
 * CPU; every IPC, notification, unmap, ExchangeRegisters and IRQ operation loads registers
 * and UTCB and traps ({@link SystemCallStubs}); when the thread runs again after a system
 * call, the first thing it does is copy the result out of its registers and UTCB into the
 * variable the operation binds ({@code as x}).
 */
public final class ScenarioThread implements UserCode {
    /** What the thread waits for the kernel to answer, consumed when it runs again. */
    private enum Pending { NONE, SEND, RECEIVE, EXCEPTION }

    private String name;
    private final UserProgram program;
    private final ThreadVariables vars = new ThreadVariables();
    private final ThreadSpec spec;
    private Names names;
    /** How this thread names its partners to the kernel (thread IDs or capabilities). */
    private final PartnerNames partners = new PartnerNames(vars);
    private Pending pending = Pending.NONE;
    private String bindAs;
    private long raisedIp;
    /** A touch interrupted by an exception: going on after the raising access skips it. */
    private long raisedStride;
    private SourceRef at;
    private long pendingCycles;
    private long touchCursor = -1;
    /** Where each operation's code sits in the thread's text (bytes from its start). */
    private final CodeLayout layout;
    private long textBase = -1;
    /** Bytes of code MKW assumes per scenario operation: a few instructions (estimate; docs/cost-model.md). */
    static final int BYTES_PER_OPERATION = 16;

    public ScenarioThread(ThreadSpec spec) {
        this.name = spec.name();
        this.spec = spec;
        this.layout = new CodeLayout(spec.body());
        this.program = new UserProgram(spec.body(), layout);
    }

    @Override
    public long textBytes() {
        return layout.textBytes();
    }

    @Override
    public void loaded(long base) {
        textBase = base;
    }

    /** Boot: the thread IDs of the system, as the root server hands them out, and this thread's qualified name. */
    public void setNames(Names names, String qualifiedName) {
        this.names = names;
        partners.setNames(names);
        this.name = qualifiedName;
    }

    /** The thread's variables and bound messages (for views and tests). */
    public ThreadVariables variables() {
        return vars;
    }

    @Override
    public SourceRef location() {
        return at != null ? at : spec.at();
    }

    /** The thread's expression evaluator (its variables and the run's random source), made on the first step. */
    private Evaluator evaluator;

    @Override
    public boolean step(UserCpu cpu, long budget) {
        if (evaluator == null) evaluator = new Evaluator(vars, cpu.random());
        Evaluator ev = evaluator;
        try {
            if (pending != Pending.NONE) resume(cpu);
            if (pendingCycles > 0) {
                long c = Math.min(pendingCycles, Math.max(1, budget));
                pendingCycles -= c;
                cpu.compute(c);
                return true;
            }
            Op op = program.next(ev);
            long control = program.takeControlSteps();
            if (control > 0) cpu.compute(control);
            if (op == UserProgram.YIELD) return true;
            if (op == null) return false;
            at = op.at();
            cpu.registers().setIp(program.instructionPointer());
            long offset = program.codeOffset();
            if (textBase >= 0 && offset >= 0) cpu.fetch(textBase + offset);
            try {
                execute(cpu, op, ev, budget);
            } catch (Retry r) {
                if (pending != Pending.EXCEPTION) program.retry();
            }
        } catch (Evaluator.UserError e) {
            cpu.fail(e.at, e.getMessage());
        }
        return true;
    }

    /** The thread runs again after a system call or an exception: take the result. */
    private void resume(UserCpu cpu) {
        Pending p = pending;
        pending = Pending.NONE;
        UserRegisters r = cpu.registers();
        if (p == Pending.EXCEPTION) {
            // The handler's reply may have set the IP: the raising operation's number runs it
            // again (x86 fault semantics), the next one goes on after it; nothing else exists.
            long ip = r.ip();
            if (ip == raisedIp) {
                program.retry();
                if (raisedStride > 0) touchCursor -= raisedStride;
            } else if (ip != raisedIp + 1) {
                cpu.warn(at, "exception reply sets IP " + ip + ", but " + name + " can only resume at the raising operation (IP "
                        + raisedIp + ") or after it (IP " + (raisedIp + 1) + "); it goes on after it");
            }
            for (int i = 0; i < UserRegisters.GENERAL; i++) vars.set("r" + i, r.general(i));
            raisedStride = 0;
            return;
        }
        ReceivedMessage m = ReceivedMessage.copyOut(r, cpu.utcb());
        if (p == Pending.SEND && m.errorCode() == 0) return;
        vars.bind(bindAs == null ? "_" : bindAs, m);
    }

    private void execute(UserCpu cpu, Op op, Evaluator ev, long budget) {
        switch (op) {
            case Op.Compute c -> {
                // Even "compute 0" is a statement: every statement costs at least one cycle.
                pendingCycles = Math.max(1, ev.value(c.cycles(), c.at()));
                if (pendingCycles > 0) {
                    long n = Math.min(pendingCycles, Math.max(1, budget));
                    pendingCycles -= n;
                    cpu.compute(n);
                }
            }
            case Op.Fpu f -> {
                cpu.fpu();
                pendingCycles = Math.max(1, ev.value(f.cycles(), f.at()));
            }
            case Op.Touch tc -> touch(cpu, tc, ev);
            case Op.Access a -> {
                long addr = ev.value(a.address(), a.at());
                int kind = a.kind() == Op.AccessKind.WRITE ? MemoryHierarchy.WRITE : a.kind() == Op.AccessKind.EXECUTE ? MemoryHierarchy.EXECUTE : MemoryHierarchy.READ;
                access(cpu, addr, kind, 0);
            }
            case Op.Send s -> {
                load(cpu, s.msg(), ev, s.at(), s.to());
                await(Pending.SEND, null);
                SystemCallStubs.ipc(cpu, partners.partner(s.to(), s.at()), UserRegisters.NIL, SystemCallStubs.timeout(s.timeout()), UserRegisters.NEVER, null);
            }
            case Op.Call c -> {
                load(cpu, c.msg(), ev, c.at(), c.to());
                long to = partners.partner(c.to(), c.at());
                Acceptor acc = acceptor(cpu, c.acceptor(), ev, c.at());
                await(Pending.RECEIVE, c.bindAs());
                SystemCallStubs.ipc(cpu, to, to, SystemCallStubs.timeout(c.timeout()), SystemCallStubs.timeout(c.timeout()), acc);
            }
            case Op.Receive r -> {
                Acceptor acc = acceptor(cpu, r.acceptor(), ev, r.at());
                long from = switch (r.from()) {
                    case Target.Any any -> UserRegisters.ANY;
                    // L4_Sleep: a receive from the thread itself, which never sends, ends only by its timeout.
                    case Target.Nil nil -> names.id(name);
                    default -> partners.threadId(r.from(), r.at());
                };
                await(Pending.RECEIVE, r.bindAs());
                SystemCallStubs.ipc(cpu, UserRegisters.NIL, from, 0, SystemCallStubs.timeout(r.timeout()), acc);
            }
            case Op.Reply r when r.stop() -> {
                await(Pending.NONE, null);
                SystemCallStubs.call(cpu, SystemCall.EXCHANGE_REGISTERS, partners.threadId(r.to(), r.at()), SystemCall.EXREGS_HALT, 0, 0);
            }
            case Op.DomainCall c -> {
                load(cpu, c.msg(), ev, c.at(), c.to());
                long to = partners.partner(c.to(), c.at());
                await(Pending.RECEIVE, c.bindAs());
                raisedIp = cpu.registers().ip();
                cpu.domainCall(c.hardware(), to, c.at());
                afterPossibleRaise(cpu, 0);
            }
            case Op.AllowCall a -> SystemCallStubs.call(cpu, SystemCall.DOMAIN_GRANT, partners.partner(a.caller(), a.at()), 0, 0, 0);
            case Op.Reply r when cpu.servesDomainCall() ->
                throw new Evaluator.UserError("a cross-domain call returns with 'reply-wait' (the return instruction ends the activation; the entry then waits for the next call)", r.at());
            case Op.ReplyWait rw when cpu.servesDomainCall() -> {
                load(cpu, rw.msg(), ev, rw.at(), null);
                long to = partners.replyTo(rw.to(), rw.at());
                await(Pending.RECEIVE, rw.bindAs());
                cpu.domainReturn(to, rw.at());
            }
            case Op.Reply r -> {
                load(cpu, r.msg(), ev, r.at(), null);
                await(Pending.SEND, null);
                SystemCallStubs.ipc(cpu, partners.replyTo(r.to(), r.at()), UserRegisters.NIL, 0, UserRegisters.NEVER, null);
            }
            case Op.ReplyWait rw -> {
                load(cpu, rw.msg(), ev, rw.at(), null);
                long to = partners.replyTo(rw.to(), rw.at());
                Acceptor acc = acceptor(cpu, rw.acceptor(), ev, rw.at());
                await(Pending.RECEIVE, rw.bindAs());
                SystemCallStubs.ipc(cpu, to, UserRegisters.ANY, 0, SystemCallStubs.timeout(rw.timeout()), acc);
            }
            case Op.Notify n -> SystemCallStubs.call(cpu, SystemCall.NOTIFY, partners.partner(n.to(), n.at()), ev.value(n.bits(), n.at()), 0, 0);
            case Op.WaitNotify w -> {
                long mask = ev.value(w.mask(), w.at());
                await(Pending.RECEIVE, w.bindAs());
                SystemCallStubs.waitNotify(cpu, mask, SystemCallStubs.timeout(w.timeout()));
            }
            case Op.Raise r -> raise(cpu, vector(r.kind()), r.kind().name(), 0);
            case Op.IoAccess io -> {
                long port = ev.value(io.port(), io.at());
                raisedIp = cpu.registers().ip();
                cpu.io(port);
                afterPossibleRaise(cpu, 0);
            }
            case Op.AttachIrq a -> SystemCallStubs.call(cpu, SystemCall.THREAD_CONTROL, UserRegisters.NIL, a.line(), 1, 0);
            case Op.DetachIrq d -> SystemCallStubs.call(cpu, SystemCall.THREAD_CONTROL, UserRegisters.NIL, d.line(), 0, 0);
            case Op.AckIrq a -> {
                if (names.capabilityNaming()) {
                    // seL4 acknowledges through its IRQ handler object, not by IPC.
                    SystemCallStubs.call(cpu, SystemCall.THREAD_CONTROL, UserRegisters.NIL, a.line(), 2, 0);
                } else {
                    // L4 X.2: the driver's reply to the interrupt thread unmasks the line.
                    cpu.utcb().setMr(0, 0);
                    await(Pending.NONE, null);
                    SystemCallStubs.ipc(cpu, partners.interruptThread(a.line(), a.at()), UserRegisters.NIL, 0, UserRegisters.NEVER, null);
                }
            }
            case Op.SetInterruptFlag f -> cpu.setInterruptFlag(f.enabled());
            case Op.Unmap u -> {
                long base = ev.value(u.base(), u.at());
                int s = Math.max(u.sizeLog2(), 12);
                if (s > 63) throw new Evaluator.UserError("unmap: an fpage of 2^" + s + " bytes is larger than any address space", u.at());
                long fp = new Fpage(base & -(1L << s), s, Fpage.RWX).encode();
                SystemCallStubs.call(cpu, SystemCall.UNMAP, UserRegisters.NIL, fp, Fpage.rights(u.rights()), u.flush() ? 1 : 0);
            }
            case Op.RevokeCap rc -> SystemCallStubs.call(cpu, SystemCall.CAP_REVOKE, UserRegisters.NIL, rc.slot(), 0, 0);
            case Op.CancelIpc c -> {
                if (c.thread() instanceof Target.Irq) throw new Evaluator.UserError("an IRQ pseudo-thread has no IPC to cancel", c.at());
                SystemCallStubs.call(cpu, SystemCall.EXCHANGE_REGISTERS, partners.threadId(c.thread(), c.at()),
                        c.abort() ? SystemCall.EXREGS_ABORT : SystemCall.EXREGS_CANCEL, 0, 0);
            }
            case Op.Migrate m -> {
                if (m.thread() instanceof Target.Irq) throw new Evaluator.UserError("an IRQ pseudo-thread runs on no processor", m.at());
                SystemCallStubs.call(cpu, SystemCall.SCHEDULE, m.thread() == null ? UserRegisters.NIL : partners.threadId(m.thread(), m.at()), ev.value(m.cpu(), m.at()), 0, 0);
            }
            case Op.Exit e -> SystemCallStubs.call(cpu, SystemCall.THREAD_EXIT, UserRegisters.NIL, 0, 0, 0);
            default -> throw new Evaluator.UserError("operation " + op.getClass().getSimpleName() + " cannot run here", op.at());
        }
    }

    private void await(Pending p, String bind) {
        pending = p;
        bindAs = bind;
    }

    private void touch(UserCpu cpu, Op.Touch tc, Evaluator ev) {
        long from = ev.value(tc.from(), tc.at()), to = ev.value(tc.to(), tc.at()), stride = ev.value(tc.stride(), tc.at());
        if (stride <= 0) throw new Evaluator.UserError("touch stride must be > 0", tc.at());
        long a = touchCursor >= 0 ? touchCursor : from;
        int kind = tc.write() ? MemoryHierarchy.WRITE : MemoryHierarchy.READ;
        // At most 256 accesses per step, so events (an interrupt, the end of the time slice) come between them.
        if (a < to) {
            long span = to - a;
            long end = span > 0 && (span - 1) / stride < 256 ? to : a + 256 * stride;
            raisedIp = cpu.registers().ip();
            long stopped = cpu.accessRun(a, end, stride, kind);
            if (stopped < end) {
                // A page fault (the access runs again once the pager answered) or an exception (raised at that access).
                if (cpu.raisedException()) exceptionRaised(cpu, stride);
                touchCursor = pending == Pending.EXCEPTION ? stopped + stride : stopped;
                program.retry();
                return;
            }
            a = end;
        }
        if (a < to) {
            touchCursor = a;
            program.retry();
        } else {
            touchCursor = -1;
        }
    }

    /** One user access; false when the thread must wait (a page fault or an exception went to its handler). */
    private boolean access(UserCpu cpu, long addr, int kind, long stride) {
        raisedIp = cpu.registers().ip();
        if (!cpu.access(addr, kind)) {
            // A page fault: the access runs again once the pager has answered.
            if (stride == 0) program.retry();
            return false;
        }
        return !afterPossibleRaise(cpu, stride);
    }

    /** If the last instruction raised an exception, prepare the resumption; returns whether it did. */
    private boolean afterPossibleRaise(UserCpu cpu, long stride) {
        if (!cpu.raisedException()) return false;
        exceptionRaised(cpu, stride);
        return true;
    }

    private void raise(UserCpu cpu, int vector, String kind, long stride) {
        raisedIp = cpu.registers().ip();
        for (int i = 0; i < UserRegisters.GENERAL; i++) {
            Long v = vars.variable("r" + i);
            cpu.registers().setGeneral(i, v == null ? 0 : v);
        }
        cpu.raise(vector, kind);
        exceptionRaised(cpu, stride);
    }

    private void exceptionRaised(UserCpu cpu, long stride) {
        // The default resumption point is after the raising operation, as for an x86 trap.
        cpu.registers().setIp(raisedIp + 1);
        raisedStride = stride;
        pending = Pending.EXCEPTION;
    }

    static int vector(Op.ExceptionKind k) {
        return switch (k) {
            case DIVIDE_ERROR -> 0;
            case BREAKPOINT -> 3;
            case INVALID_OPCODE -> 6;
            case PROTECTION_FAULT -> 13;
        };
    }

    /** Load the message of an IPC operation; a send through a capability needs capability naming. */
    private void load(UserCpu cpu, MessageSpec spec, Evaluator ev, SourceRef at, Target to) {
        long[] words = new long[spec.words().size()];
        for (int i = 0; i < words.length; i++) words[i] = ev.value(spec.words().get(i), at);
        List<TypedItem> items = new ArrayList<>();
        for (MessageSpec.Item item : spec.items()) {
            switch (item) {
                case MessageSpec.MapItem mi -> {
                    long base = ev.value(mi.base(), at);
                    int s = Math.max(mi.sizeLog2(), 12);
                    if (s > 63) throw new Evaluator.UserError("map item of 2^" + s + " bytes is larger than any address space", at);
                    long fp = new Fpage(base & -(1L << s), s, Fpage.rights(mi.rights())).encode();
                    items.add(new TypedItem.MapItem(fp, mi.sendBase() == null ? base : ev.value(mi.sendBase(), at), mi.grant()));
                }
                case MessageSpec.StringItem si -> {
                    long addr = ev.value(si.address(), at), len = ev.value(si.length(), at);
                    prefault(cpu, addr, len, MemoryHierarchy.READ);
                    items.add(new TypedItem.StringItem(addr, len));
                }
                case MessageSpec.CapItem ci -> items.add(new TypedItem.CapItem(ci.slot(), dev.mkw.kernel.cap.Cap.rights(ci.rights())));
                default -> throw new Evaluator.UserError(item.getClass().getSimpleName() + " items are not implemented in this version of MKW", at);
            }
        }
        SystemCallStubs.loadMessage(cpu, ev.value(spec.label(), at), words, items);
    }

    /** The acceptor of a receive (BR0..BR2); a string buffer is touched first, as L4 libraries do, so the copy finds it mapped. */
    private Acceptor acceptor(UserCpu cpu, Op.Acceptor a, Evaluator ev, SourceRef at) {
        if (a == null) return Acceptor.NONE;
        Fpage window = Fpage.NIL;
        if (a.acceptsMappings()) {
            window = a.windowSizeLog2() >= 63 ? Fpage.COMPLETE : new Fpage(ev.value(a.windowBase(), at), a.windowSizeLog2(), Fpage.RWX);
        }
        if (!a.acceptsStrings()) return new Acceptor(window, false, 0, 0);
        long buf = ev.value(a.stringBuffer(), at), len = ev.value(a.stringLength(), at);
        prefault(cpu, buf, len, MemoryHierarchy.WRITE);
        return new Acceptor(window, true, buf, len);
    }

    /**
     * Touch every page of a buffer so that its page faults happen here, in user mode, and
     * the kernel's copy finds it mapped. (A fault here is served before the IPC: the
     * interpreter repeats the operation when the thread resumes.)
     */
    private void prefault(UserCpu cpu, long addr, long len, int kind) {
        long page = cpu.pageSize();
        for (long a = addr & -page; a < addr + len; a += page) {
            if (!cpu.access(a, kind)) throw new Retry();
            if (cpu.raisedException()) {
                exceptionRaised(cpu, 0);
                throw new Retry();
            }
        }
    }

    /** The operation could not start (a page fault or exception came first): run it again when the thread resumes. */
    private static final class Retry extends RuntimeException {
        private static final long serialVersionUID = 1L;
        Retry() { super(null, null, false, false); }
    }
}
