package dev.mkw.user;

import java.util.ArrayDeque;
import java.util.List;

import dev.mkw.scenario.Op;

/**
 * The control state of a thread's behaviour: a stack of blocks with a program counter and
 * repeat counters. {@link #next} resolves Repeat/If/Let and returns the next operation the
 * CPU must execute; the kernel asks {@link Evaluator} for expression values.
 */
public final class UserProgram {
    private static final class Frame {
        final List<Op> ops;
        /** Where each of {@link #ops} sits in the thread's text ({@link CodeLayout}). */
        final long[] offsets;
        int pc;
        long remaining;
        final String indexVar;
        long index;
        final boolean loop;

        Frame(List<Op> ops, long[] offsets, long remaining, String indexVar, boolean loop) {
            this.ops = ops;
            this.offsets = offsets;
            this.remaining = remaining;
            this.indexVar = indexVar;
            this.loop = loop;
        }
    }

    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    /** Cycles left of a Compute/Fpu op interrupted by an event. */
    public long pendingCycles;
    /** Next address of a Touch op in progress, or -1. */
    public long touchCursor = -1;
    /** Primitive operations handed out so far (less the ones retried). */
    private long executed;
    /** Control statements (let, if, a loop's test) resolved since the last {@link #takeControlSteps}. */
    private long controlSteps;
    /**
     * Control statements resolved in one go before {@link #next} gives the CPU back: a loop of
     * nothing but {@code let} and {@code if} then still advances the clock in bounded steps,
     * so a cycle limit, {@code run until} or the host-time watchdog can end it.
     */
    public static final int CONTROL_BURST = 1000;
    /** What {@link #next} returns when it stopped after {@link #CONTROL_BURST} control statements. */
    public static final Op YIELD = new Op.Compute(new dev.mkw.scenario.Expr.Const(0), dev.mkw.scenario.SourceRef.NONE);

    private final CodeLayout layout;

    public UserProgram(List<Op> body) {
        this(body, new CodeLayout(body));
    }

    UserProgram(List<Op> body, CodeLayout layout) {
        this.layout = layout;
        stack.push(new Frame(body, layout.offsets(body), 1, null, false));
    }

    /**
     * Where the operation {@link #next} returned last sits in the thread's text (bytes from its
     * start), or -1 if it is not part of the program ({@link #YIELD}) or the program ended.
     */
    public long codeOffset() {
        Frame f = stack.peek();
        if (f == null || f.pc == 0 || f.pc > f.offsets.length) return -1;
        return f.offsets[f.pc - 1];
    }

    /**
     * The next primitive operation, or null when the program has ended, or {@link #YIELD}
     * after a burst of control statements. Every control statement counts as one instruction
     * ({@link #takeControlSteps}): no statement is free.
     */
    public Op next(Evaluator eval) {
        int burst = 0;
        while (!stack.isEmpty()) {
            if (burst++ >= CONTROL_BURST) return YIELD;
            Frame f = stack.peek();
            if (f.pc >= f.ops.size()) {
                if (f.loop) controlSteps++;
                if (f.loop && (f.remaining == Op.Repeat.FOREVER || --f.remaining > 0)) {
                    f.pc = 0;
                    f.index++;
                    if (f.indexVar != null) eval.set(f.indexVar, f.index);
                    continue;
                }
                stack.pop();
                continue;
            }
            Op op = f.ops.get(f.pc++);
            if (op instanceof Op.Repeat || op instanceof Op.If || op instanceof Op.Let) controlSteps++;
            if (op instanceof Op.Repeat r) {
                long n = eval.value(r.count(), r.at());
                if (n == 0 || r.body().isEmpty()) continue;
                if (r.indexVar() != null) eval.set(r.indexVar(), 0);
                stack.push(new Frame(r.body(), layout.offsets(r.body()), n < 0 ? Op.Repeat.FOREVER : n, r.indexVar(), true));
            } else if (op instanceof Op.If i) {
                List<Op> branch = eval.test(i.cond(), i.at()) ? i.then() : i.otherwise();
                if (!branch.isEmpty()) stack.push(new Frame(branch, layout.offsets(branch), 1, null, false));
            } else if (op instanceof Op.Let l) {
                eval.set(l.var(), eval.value(l.value(), l.at()));
            } else {
                executed++;
                return op;
            }
        }
        return null;
    }

    /** The control statements resolved since the last call (each costs its thread one cycle). */
    public long takeControlSteps() {
        long n = controlSteps;
        controlSteps = 0;
        return n;
    }

    /** Step back one operation: the current op must be executed again (after a page fault). */
    public void retry() {
        Frame f = stack.peek();
        if (f != null && f.pc > 0) {
            f.pc--;
            executed--;
        }
    }

    /**
     * The thread's instruction pointer, as an exception IPC reports it: the number of the
     * operation executed last (the first is 1). Loops count every pass, so each executed
     * operation has its own number.
     */
    public long instructionPointer() {
        return executed;
    }
}
