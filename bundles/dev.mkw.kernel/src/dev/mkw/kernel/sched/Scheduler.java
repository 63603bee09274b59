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
 *
 * <p>On a multiprocessor every processor has its own 256 queues and schedules only the threads
 * homed on it ({@code Tcb.cpu}), as Pistachio's per-CPU ready queues and seL4's per-node
 * {@code ksReadyQueues}; a thread woken from another processor is queued on its own.
 */
public final class Scheduler {
    /**
     * Where a queue operation touches memory: the links of a TCB, and the head of a priority's
     * queue. The kernel charges these touches to the kernel path that does the operation.
     */
    public interface QueueMemory {
        QueueMemory NONE = new QueueMemory() {
            @Override public void links(Tcb t, boolean write) {}
            @Override public void head(int cpu, int priority, boolean write) {}
        };

        void links(Tcb t, boolean write);

        /** The head of processor {@code cpu}'s queue of {@code priority}. */
        void head(int cpu, int priority, boolean write);
    }

    private QueueMemory memory = QueueMemory.NONE;

    /**
     * What the kernel does when a queue operation reaches another processor's queues: take
     * that processor's lock before the enqueue, send it a reschedule IPI after a wake-up.
     */
    public interface RemoteQueues {
        RemoteQueues NONE = new RemoteQueues() {
            @Override public void enqueuing(Tcb t) {}
            @Override public void readied(Tcb t) {}
        };

        /** {@code t} is about to be linked into its home processor's queue. */
        void enqueuing(Tcb t);

        /** {@code t} was made ready (it may be homed on another processor than the one running the kernel). */
        void readied(Tcb t);
    }

    private RemoteQueues remote = RemoteQueues.NONE;

    public void setRemoteQueues(RemoteQueues r) {
        remote = r;
    }

    /** The kernel's simulated memory for the queues (set once the kernel is up). */
    public void setQueueMemory(QueueMemory m) {
        memory = m;
    }
    private final Scheduling variant;
    /** Per processor, per priority. */
    private final ArrayDeque<Tcb>[][] queues;
    private long queueOps;
    private long skippedBlocked;
    private SchedulerPolicy policy;
    private final java.util.function.Consumer<String> policyFailed;
    private final java.util.function.Supplier<java.util.List<Tcb>> threads;
    private final java.util.function.LongSupplier clock;
    private final Tcb[] chosen;
    private final long[] chosenAt;

    public Scheduler(Scheduling variant) {
        this(variant, 1, null, java.util.List::of, () -> 0, message -> {});
    }

    /**
     * With a contributed policy (null: the built-in priority round robin) that chooses among
     * {@code threads}. When the policy throws, {@code policyFailed} gets a message naming the
     * policy and its plugin, and the built-in policy schedules from then on: the queues are kept
     * up to date under every policy, so it can take over at any decision.
     */
    @SuppressWarnings("unchecked")
    public Scheduler(Scheduling variant, int cpus, SchedulerPolicy policy, java.util.function.Supplier<java.util.List<Tcb>> threads,
            java.util.function.LongSupplier clock, java.util.function.Consumer<String> policyFailed) {
        this.variant = variant;
        this.policy = policy == null ? null : policy.forRun();
        this.policyFailed = policyFailed;
        this.threads = threads;
        this.clock = clock;
        this.queues = new ArrayDeque[cpus][256];
        for (ArrayDeque<Tcb>[] perCpu : queues) for (int i = 0; i < perCpu.length; i++) perCpu[i] = new ArrayDeque<>();
        this.chosen = new Tcb[cpus];
        this.chosenAt = new long[cpus];
    }

    /** The contributed policy in use, or null. */
    public SchedulerPolicy policy() {
        return policy;
    }

    /** A contributed policy chooses among the runnable threads; the queues are not consulted. */
    private Tcb pickByPolicy(int cpu) {
        long now = clock.getAsLong();
        java.util.List<SchedThread> runnable = new java.util.ArrayList<>();
        for (Tcb t : threads.get()) if (t.cpu == cpu && (t.state == ThreadState.READY || t.state == ThreadState.RUNNING)) runnable.add(t);
        SchedThread c;
        try {
            if (chosen[cpu] != null) policy.ran(chosen[cpu], now - chosenAt[cpu]);
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
            java.util.Arrays.fill(chosen, null);
            return null;
        }
        chosen[cpu] = (Tcb) c;
        chosenAt[cpu] = now;
        return chosen[cpu];
    }

    public Scheduling variant() { return variant; }

    /** A thread became ready (woken or created). Returns the queue operations done. */
    public int makeReady(Tcb t) {
        t.state = ThreadState.READY;
        if (t.inReadyQueue) {
            remote.readied(t);
            return 0;
        }
        enqueue(t);
        remote.readied(t);
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
        return pick(0, current);
    }

    /** Pick the next thread for processor {@code cpu} from its own queues (see {@link #pick(Tcb)}). */
    public Tcb pick(int cpu, Tcb current) {
        if (policy != null) {
            Tcb byPolicy = pickByPolicy(cpu);
            if (policy != null) return byPolicy;
            // The policy has just failed and is off: fall through to the built-in choice.
        }
        if (variant == Scheduling.BENNO && current != null && current.state == ThreadState.READY && !current.inReadyQueue) {
            enqueue(current);
        }
        ArrayDeque<Tcb>[] own = queues[cpu];
        for (int p = 255; p >= 0; p--) {
            ArrayDeque<Tcb> q = own[p];
            if (q.isEmpty()) continue;
            memory.head(cpu, p, false);
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
        remote.enqueuing(t);
        ArrayDeque<Tcb> q = queues[t.cpu][t.priority];
        Tcb tail = q.peekLast();
        memory.links(t, true);
        if (tail != null) memory.links(tail, true);
        memory.head(t.cpu, t.priority, true);
        q.addLast(t);
        t.inReadyQueue = true;
        queueOps++;
    }

    /** Unlink {@code t}: its links are read, its neighbours' links (or the head) written. */
    private void dequeue(Tcb t) {
        ArrayDeque<Tcb> q = queues[t.cpu][t.priority];
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
        if (prev == null || next == null) memory.head(t.cpu, t.priority, true);
        q.remove(t);
        t.inReadyQueue = false;
        queueOps++;
    }

    public long queueOps() { return queueOps; }

    /**
     * The highest priority of a ready thread queued on processor {@code cpu}, or -1: whether a
     * reschedule there would preempt (no memory is charged: the caller's path has read the heads).
     */
    public int highestReady(int cpu) {
        for (int p = 255; p >= 0; p--) {
            for (Tcb t : queues[cpu][p]) if (t.state == ThreadState.READY) return p;
        }
        return -1;
    }

    /** Blocked threads the lazy scheduler had to skip (its O(n) cost). */
    public long skippedBlocked() { return skippedBlocked; }

    public int queued() {
        int n = 0;
        for (ArrayDeque<Tcb>[] perCpu : queues) for (ArrayDeque<Tcb> q : perCpu) n += q.size();
        return n;
    }
}
