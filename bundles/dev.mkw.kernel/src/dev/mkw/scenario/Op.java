package dev.mkw.scenario;

import java.util.List;

/**
 * One step of a thread's behaviour. The kernel's user-level interpreter runs these; the
 * IPC operations are the L4 X.2 system-call variants (Microkernel Construction I.12,
 * "IPC API"; Advanced OS week 6, "IPC operations").
 *
 * <p>Message variables: an operation that receives binds the message to a name
 * ({@code as req}); later operations read its fields through {@link Expr.Field} and
 * {@link Target.Sender} replies to whoever sent it.
 */
public sealed interface Op {

    /** Where the operation was written, for messages naming file:line:column. */
    SourceRef at();

    /** Send only: blocks until the receiver is ready or the timeout expires. */
    record Send(Target to, MessageSpec msg, Timeout timeout, SourceRef at) implements Op {}

    /**
     * Receive: closed (from a given partner) or open wait ({@link Target.Any}).
     * A {@link Target.Nil} partner with a timeout is a sleep.
     */
    record Receive(Target from, Acceptor acceptor, String bindAs, Timeout timeout, SourceRef at) implements Op {}

    /** Call: send, then closed receive from the same partner, atomically (no window for a race). */
    record Call(Target to, MessageSpec msg, Acceptor acceptor, String bindAs, Timeout timeout, SourceRef at) implements Op {}

    /**
     * Reply with a zero send timeout: never blocks the server. With {@code stop}, the answer
     * to an exception or page-fault IPC ends the faulting thread instead of resuming it.
     */
    record Reply(Target to, MessageSpec msg, boolean stop, SourceRef at) implements Op {
        public Reply(Target to, MessageSpec msg, SourceRef at) {
            this(to, msg, false, at);
        }
    }

    /** Reply to a client and open-wait for the next request in one system call. */
    record ReplyWait(Target to, MessageSpec msg, Acceptor acceptor, String bindAs, Timeout timeout, SourceRef at) implements Op {}

    /** Asynchronous notification: OR {@code bits} into the target's notification word. Never blocks. */
    record Notify(Target to, Expr bits, SourceRef at) implements Op {}

    /** Wait until any bit of {@code mask} is set in the own notification word; bind the bits received. */
    record WaitNotify(Expr mask, String bindAs, Timeout timeout, SourceRef at) implements Op {}

    /** Pure user computation for a number of cycles. */
    record Compute(Expr cycles, SourceRef at) implements Op {}

    /** Touch memory [from, to) every {@code stride} bytes, reading or writing: page faults and cache misses happen here. */
    record Touch(Expr from, Expr to, Expr stride, boolean write, SourceRef at) implements Op {}

    /** One user memory access. */
    record Access(Expr address, AccessKind kind, SourceRef at) implements Op {}

    enum AccessKind { READ, WRITE, EXECUTE }

    /** Floating-point work: the first FPU use after a switch traps under the lazy FPU variant. */
    record Fpu(Expr cycles, SourceRef at) implements Op {}

    /** Raise a CPU exception: it becomes an exception IPC to the thread's exception handler. */
    record Raise(ExceptionKind kind, SourceRef at) implements Op {}

    enum ExceptionKind { DIVIDE_ERROR, INVALID_OPCODE, PROTECTION_FAULT, BREAKPOINT }

    /** An I/O port access (x86 in/out); faults without permission in the task's I/O bitmap. */
    record IoAccess(Expr port, boolean write, SourceRef at) implements Op {}

    /** Attach the executing thread to an IRQ line: interrupts then arrive as IPC or notification. */
    record AttachIrq(int line, SourceRef at) implements Op {}

    /** Detach the executing thread from an IRQ line. */
    record DetachIrq(int line, SourceRef at) implements Op {}

    /** Acknowledge an IRQ: the kernel unmasks the line. */
    record AckIrq(int line, SourceRef at) implements Op {}

    /** Disable or enable interrupts for this user-level driver (the virtual interrupt flag). */
    record SetInterruptFlag(boolean enabled, SourceRef at) implements Op {}

    /**
     * Unmap: revoke {@code rights} of the fpage from every address space that got it
     * from the caller, recursively; with {@code flush} also from the caller itself.
     */
    record Unmap(Expr base, int sizeLog2, String rights, boolean flush, SourceRef at) implements Op {}

    /** Revoke a capability and everything derived from it (naming variant CAPABILITIES). */
    record RevokeCap(int slot, SourceRef at) implements Op {}

    /**
     * Cancel ({@code abort} false) or abort another thread's ongoing IPC through
     * ExchangeRegisters (L4 X.2): the victim's pending send or receive ends with error
     * CANCELED or ABORTED and the phase it was in. Allowed on threads of the own task, and
     * to threads of the scenario's privileged root task (L4's root server) on all.
     */
    record CancelIpc(Target thread, boolean abort, SourceRef at) implements Op {}

    /**
     * A cross-domain call through a plugin's hardware of user-visible address-space tags
     * ({@code call T via HW msg [as x]}): the caller enters thread {@code to}'s entry point in its
     * domain without entering the kernel, if the kernel installed a grant for the caller's domain
     * ({@link AllowCall}); otherwise a protection fault. The reply binds like a call's.
     */
    record DomainCall(Target to, String hardware, MessageSpec msg, String bindAs, SourceRef at) implements Op {}

    /**
     * {@code allow-call from T}: the executing thread asks the kernel to let the domain (task) of
     * thread {@code caller} call its entry point through cross-domain call hardware.
     */
    record AllowCall(Target caller, SourceRef at) implements Op {}

    /** Repeat the body {@code count} times; a count of {@link #FOREVER} loops until the run ends. */
    record Repeat(Expr count, String indexVar, List<Op> body, SourceRef at) implements Op {
        public static final long FOREVER = -1;
        public Repeat {
            body = List.copyOf(body);
        }
    }

    /** Conditional on values of received messages or loop variables. */
    record If(Cond cond, List<Op> then, List<Op> otherwise, SourceRef at) implements Op {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** Assign a variable (a plain number) visible to the rest of the body. */
    record Let(String var, Expr value, SourceRef at) implements Op {}

    /** End the thread now. */
    record Exit(SourceRef at) implements Op {}

    /** Move a thread (null: the caller) to processor {@code cpu} (L4 X.2 Schedule; {@code migrate T to cpu K}). */
    record Migrate(Target thread, Expr cpu, SourceRef at) implements Op {}

    /**
     * What a receiver accepts (L4 acceptor): a receive window for map/grant items and a
     * string buffer for string items. {@link #NONE} accepts neither.
     */
    record Acceptor(Expr windowBase, int windowSizeLog2, Expr stringBuffer, Expr stringLength) {
        public static final Acceptor NONE = new Acceptor(null, 0, null, null);
        /** Accept mappings anywhere in the address space (the "complete" fpage). */
        public static final Acceptor WHOLE_SPACE = new Acceptor(new Expr.Const(0), 64, null, null);
        public boolean acceptsMappings() { return windowBase != null; }
        public boolean acceptsStrings() { return stringBuffer != null; }
    }

    /** A comparison of two expressions: {@code ==, !=, <, <=, >, >=}. */
    record Cond(Expr left, String op, Expr right) {}
}
