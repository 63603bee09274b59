package dev.mkw.kernel.sched;

import java.util.ArrayDeque;

import dev.mkw.kernel.KernelConfig.Scheduling;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadState;

/**
 * Fixed-priority round robin over 256 ready queues, with the three queue-management
 * variants of Microkernel Construction I.12:
 * <ul>
 * <li>EAGER: a thread leaves the queue when it blocks and enters it when it wakes;</li>
 * <li>LAZY ("lazy dispatching"): a blocking thread stays queued; the scheduler removes
 * blocked threads only when it meets them, which makes a schedule() O(n) in the worst case;</li>
 * <li>BENNO: the running thread is not in the queue; a thread enters the queue only when it
 * is preempted or woken without being switched to, so an IPC that switches directly to the
 * partner touches no queue at all.</li>
 * </ul>
 * Every queue operation is counted and done in simulated memory ({@link QueueMemory}): a
 * doubly linked list through the TCBs' queue links with a head per priority, so the variants
 * cost what their queue work costs.
 */
public final class Scheduler {
    /**
     * Where a queue operation touches memory: the links of a TCB, and the head of a priority's
     * queue. The kernel charges these touches to the kernel path that does the operation.
     */
    public interface QueueMemory {
        QueueMemory NONE = new QueueMemory() {
            @Override public void links(Tcb t, boolean write) {}
            @Override public void head(int priority, boolean write) {}
        };

        void links(Tcb t, boolean write);

        void head(int priority, boolean write);
    }

    private QueueMemory memory = QueueMemory.NONE;

    /** The kernel's simulated memory for the queues (set once the kernel is up). */
    public void setQueueMemory(QueueMemory m) {
        memory = m;
    }
    private final Scheduling variant;
    @SuppressWarnings("unchecked")
    private final ArrayDeque<Tcb>[] queues = new ArrayDeque[256];
    private long queueOps;
    private long skippedBlocked;
    private SchedulerPolicy policy;
    private final java.util.function.Consumer<String> policyFailed;
    private final java.util.function.Supplier<java.util.List<Tcb>> threads;
    private final java.util.function.LongSupplier clock;
    private Tcb chosen;
    private long chosenAt;

    public Scheduler(Scheduling variant) {
        this(variant, null, java.util.List::of, () -> 0, message -> {});
    }

    /**
     * With a contributed policy (null: the built-in priority round robin) that chooses among
     * {@code threads}. When the policy throws, {@code policyFailed} gets a message naming the
     * policy and its plugin, and the built-in policy schedules from then on: the queues are kept
     * up to date under every policy, so it can take over at any decision.
     */
    public Scheduler(Scheduling variant, SchedulerPolicy policy, java.util.function.Supplier<java.util.List<Tcb>> threads,
            java.util.function.LongSupplier clock, java.util.function.Consumer<String> policyFailed) {
        this.variant = variant;
        this.policy = policy == null ? null : policy.forRun();
        this.policyFailed = policyFailed;
        this.threads = threads;
        this.clock = clock;
        for (int i = 0; i < queues.length; i++) queues[i] = new ArrayDeque<>();
    }

    /** The contributed policy in use, or null. */
    public SchedulerPolicy policy() {
        return policy;
    }

    /** A contributed policy chooses among the runnable threads; the queues are not consulted. */
    private Tcb pickByPolicy() {
        long now = clock.getAsLong();
        java.util.List<SchedThread> runnable = new java.util.ArrayList<>();
        for (Tcb t : threads.get()) if (t.state == ThreadState.READY || t.state == ThreadState.RUNNING) runnable.add(t);
        SchedThread c;
        try {
            if (chosen != null) policy.ran(chosen, now - chosenAt);
            c = policy.choose(java.util.Collections.unmodifiableList(runnable), now);
            if (c != null && !runnable.contains(c)) {
                throw new IllegalStateException("it chose " + c.name() + ", which is not runnable");
            }
        } catch (RuntimeException | LinkageError e) {
            String id;
            try { id = policy.id(); } catch (RuntimeException idFailed) { id = policy.getClass().getName(); }
            policyFailed.accept("scheduler policy '" + id + "' (plugin " + dev.mkw.sim.contrib.Contributions.origin(policy) + ") failed: "
                    + e + "; it is disabled and the built-in " + dev.mkw.kernel.KernelConfig.DEFAULT_POLICY + " schedules the rest of the run");
            policy = null;
            chosen = null;
            return null;
        }
        chosen = (Tcb) c;
        chosenAt = now;
        return chosen;
    }

    public Scheduling variant() { return variant; }

    /** A thread became ready (woken or created). Returns the queue operations done. */
    public int makeReady(Tcb t) {
        t.state = ThreadState.READY;
        if (t.inReadyQueue) return 0;
        enqueue(t);
        return 1;
    }

    /** A thread blocks: eager dequeues, lazy and Benno leave the queue alone. */
    public int block(Tcb t) {
        if (variant == Scheduling.EAGER && t.inReadyQueue) {
            dequeue(t);
            return 1;
        }
        return 0;
    }

    /** The running thread switches directly to {@code next} (IPC partner). Returns queue ops. */
    public int directSwitch(Tcb from, Tcb next) {
        int ops = 0;
        if (variant == Scheduling.BENNO) {
            // Benno: the running thread is not queued; switching to a partner touches no queue.
            if (from != null && from.state == ThreadState.READY && !from.inReadyQueue) { enqueue(from); ops++; }
            if (next.inReadyQueue) { dequeue(next); ops++; }
            return ops;
        }
        if (from != null && from.state == ThreadState.READY && !from.inReadyQueue) { enqueue(from); ops++; }
        if (!next.inReadyQueue) { enqueue(next); ops++; }
        return ops;
    }

    /** Pick the next thread to run (highest priority, round robin), or null. Counts the queue entries inspected. */
    public Tcb pick(Tcb current) {
        if (policy != null) {
            Tcb byPolicy = pickByPolicy();
            if (policy != null) return byPolicy;
            // The policy has just failed and is off: fall through to the built-in choice.
        }
        if (variant == Scheduling.BENNO && current != null && current.state == ThreadState.READY && !current.inReadyQueue) {
            enqueue(current);
        }
        for (int p = 255; p >= 0; p--) {
            ArrayDeque<Tcb> q = queues[p];
            if (q.isEmpty()) continue;
            memory.head(p, false);
            while (!q.isEmpty()) {
                Tcb t = q.peekFirst();
                memory.links(t, false);
                if (t.state == ThreadState.READY || t.state == ThreadState.RUNNING) {
                    if (variant == Scheduling.BENNO) dequeue(t);
                    return t;
                }
                // Lazy dispatching: a thread that blocked while queued is removed only now.
                dequeue(t);
                skippedBlocked++;
            }
        }
        return null;
    }

    /** Round robin: move {@code t} to the tail of its priority's queue (its timeslice ended). */
    public void rotate(Tcb t) {
        if (t.inReadyQueue) dequeue(t);
        enqueue(t);
    }

    public void remove(Tcb t) {
        if (t.inReadyQueue) dequeue(t);
    }

    /** Link {@code t} in at the tail: its links, the old tail's next link and the head's tail pointer. */
    private void enqueue(Tcb t) {
        ArrayDeque<Tcb> q = queues[t.priority];
        Tcb tail = q.peekLast();
        memory.links(t, true);
        if (tail != null) memory.links(tail, true);
        memory.head(t.priority, true);
        q.addLast(t);
        t.inReadyQueue = true;
        queueOps++;
    }

    /** Unlink {@code t}: its links are read, its neighbours' links (or the head) written. */
    private void dequeue(Tcb t) {
        ArrayDeque<Tcb> q = queues[t.priority];
        Tcb prev = null, next = null;
        boolean found = false;
        for (Tcb x : q) {
            if (found) { next = x; break; }
            if (x == t) found = true;
            else prev = x;
        }
        memory.links(t, false);
        if (prev != null) memory.links(prev, true);
        if (next != null) memory.links(next, true);
        if (prev == null || next == null) memory.head(t.priority, true);
        q.remove(t);
        t.inReadyQueue = false;
        queueOps++;
    }

    public long queueOps() { return queueOps; }

    /** Blocked threads the lazy scheduler had to skip (its O(n) cost). */
    public long skippedBlocked() { return skippedBlocked; }

    public int queued() {
        int n = 0;
        for (ArrayDeque<Tcb> q : queues) n += q.size();
        return n;
    }
}
