package dev.mkw.ui.charts;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.mkw.kernel.inspect.MessageInfo;
import dev.mkw.sim.Trace;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;
import dev.mkw.sim.report.RunReport;
import dev.mkw.ui.run.TraceMessages;

/**
 * The timeline of a run, derived once from its trace (off the UI thread: a million events
 * take a while): one lane per CPU (user, kernel, idle) and one per thread (user, kernel),
 * and an arrow per IPC from the sender's lane at the send to the receiver's at the receive.
 * Who runs in user mode follows the same rules as the Perfetto export, so both agree. An IPC
 * from one processor to another is also an arrow between their CPU lanes.
 */
public final class TimelineModel {
    /**
     * One IPC: sent at {@code send} by lane {@code from} on CPU {@code sendCpu}, received at
     * {@code receive} (-1: not in the trace) by lane {@code to} on CPU {@code receiveCpu} (-1: not
     * received). For an IPC across processors, {@code arrive} is when the receiver left the
     * kernel on its own CPU with the message (-1: not in the trace): the kernel copies the
     * message on the sender's CPU, and the receiver runs only once the wake-up reached its CPU.
     */
    public record Arrow(long send, int from, long receive, int to, int sendCpu, int receiveCpu, long arrive, MessageInfo message) {
        /** Whether the IPC went from one processor to another (drawn between the CPU lanes too). */
        public boolean crossesCpus() {
            return receiveCpu >= 0 && receiveCpu != sendCpu;
        }
    }

    /** One row: its name and intervals; {@code cpu} tells CPU lanes from thread lanes. */
    public record Lane(String name, boolean cpu, Intervals intervals) {}

    private final List<Lane> lanes = new ArrayList<>();
    private final Arrows arrows;
    private final Trace.Mode mode;
    private final long dropped;
    private long first = Long.MAX_VALUE;
    private long last;

    private TimelineModel(Trace.Mode mode, long dropped, TraceMessages messages) {
        this.mode = mode;
        this.dropped = dropped;
        this.arrows = new Arrows(messages);
    }

    public static TimelineModel of(RunReport r) {
        return of(r, null);
    }

    /**
     * The timeline of {@code r} whose arrows share the run's {@code messages} (made on demand
     * from the same trace) instead of holding a message each: a whole trace has 200 000 IPCs.
     * Messages of another trace (or none) are replaced by the IPCs of {@code r}'s.
     */
    public static TimelineModel of(RunReport r, List<MessageInfo> messages) {
        List<TraceEvent> events = r.trace().events();
        TraceMessages ipcs = messages instanceof TraceMessages t && t.over(events) ? t : TraceMessages.of(events);
        TimelineModel m = new TimelineModel(r.trace().mode(), r.trace().dropped(), ipcs);
        new Builder(m, r).build();
        return m;
    }

    public List<Lane> lanes() { return lanes; }
    public List<Arrow> arrows() { return arrows; }
    /** Whether the run recorded a trace at all; without one there is nothing to draw. */
    public boolean traced() { return mode != Trace.Mode.OFF; }
    public long dropped() { return dropped; }
    public long first() { return first == Long.MAX_VALUE ? 0 : first; }
    public long last() { return Math.max(last, first()); }

    public long threadLanes() { return lanes.stream().filter(l -> !l.cpu()).count(); }
    /** CPU lanes, one per processor; they come first, lane {@code c} is cpu c. */
    public long cpuLanes() { return lanes.stream().filter(Lane::cpu).count(); }
    /** IPCs received on another processor than the one they were sent on. */
    public int crossCpuArrows() { return arrows.crossing; }

    /** The arrow of {@code m}, or -1 (a message outside the trace's ring). */
    public int arrowOf(MessageInfo m) {
        // Arrows are in send order: only those sent in m's cycle can be m.
        for (int i = firstArrowFrom(m.cycle()); i < arrows.size() && arrows.send(i) == m.cycle(); i++) {
            if (arrows.message(i).equals(m)) return i;
        }
        return -1;
    }

    /** The first arrow sent at or after {@code cycle} (arrows are in send order). */
    public int firstArrowFrom(long cycle) {
        int lo = 0, hi = arrows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (arrows.send(mid) < cycle) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** One pass over the events with per-CPU state, as the Perfetto exporter does. */
    private static final class Builder {
        private final TimelineModel m;
        private final RunReport r;
        private final Map<String, Integer> threadLaneOf = new HashMap<>();
        /** Per (sender lane x lanes + receiver lane): its arrows still waiting for their receive, oldest first. */
        private IntQueue[] pending;
        private int[] depth;
        private long[] kernelStart;
        private String[] kernelThread;
        private String[] current;
        private String[] userThread;
        private long[] userStart;
        private boolean[] toIdle;
        /** Per thread lane: the CPU it last ran on (-1: not yet seen running). */
        private int[] ranOn;
        /** Per thread lane: its arrow received from another CPU, until it runs with the message (-1: none). */
        private int[] arriving;

        /** IPC sends seen so far: the index of the next one's message in the trace's messages. */
        private int sends;

        Builder(TimelineModel m, RunReport r) {
            this.m = m;
            this.r = r;
        }

        void build() {
            List<TraceEvent> events = r.trace().events();
            int cpus = r.cpus();
            TreeSet<String> threads = new TreeSet<>(r.threads().keySet());
            // Kernel entries and switches per CPU and per thread: about how many intervals each
            // lane gets (a kernel and a user interval each), so its arrays are sized once
            // instead of doubling through a million events.
            int[] cpuEntries = new int[Math.max(1, cpus)];
            Map<String, int[]> threadEntries = new HashMap<>();
            int ipcs = 0;
            for (TraceEvent e : events) {
                if (e.kind() == TraceKind.IPC_SEND) ipcs++;
                cpus = Math.max(cpus, e.cpu() + 1);
                if (!e.thread().isEmpty()) threads.add(e.thread());
                if (e.kind() == TraceKind.KERNEL_ENTRY || e.kind() == TraceKind.THREAD_SWITCH) {
                    if (e.cpu() >= cpuEntries.length) cpuEntries = java.util.Arrays.copyOf(cpuEntries, e.cpu() + 1);
                    cpuEntries[Math.max(0, e.cpu())]++;
                    if (!e.thread().isEmpty()) threadEntries.computeIfAbsent(e.thread(), k -> new int[1])[0]++;
                }
                // Whom a thread switches to or sends to gets a lane even if it never appears as an event's thread.
                boolean partnerRuns = e.kind() == TraceKind.IPC_SEND
                        || e.kind() == TraceKind.THREAD_SWITCH && !e.partner().equals("idle");
                if (partnerRuns && !e.partner().isEmpty()) threads.add(e.partner());
            }
            // The arrows' arrays too: doubling through 200 000 IPCs copied eight arrays each time.
            m.arrows.reserve(ipcs);
            for (int c = 0; c < cpus; c++) m.lanes.add(new Lane("cpu" + c, true, new Intervals(c < cpuEntries.length ? 2 * cpuEntries[c] + 16 : 16)));
            for (String t : threads) {
                threadLaneOf.put(t, m.lanes.size());
                int[] n = threadEntries.get(t);
                m.lanes.add(new Lane(t, false, new Intervals(n == null ? 16 : 2 * n[0] + 16)));
            }
            pending = new IntQueue[m.lanes.size() * m.lanes.size()];
            depth = new int[cpus];
            kernelStart = new long[cpus];
            kernelThread = new String[cpus];
            current = new String[cpus];
            userThread = new String[cpus];
            userStart = new long[cpus];
            toIdle = new boolean[cpus];
            ranOn = new int[m.lanes.size()];
            Arrays.fill(ranOn, -1);
            arriving = new int[m.lanes.size()];
            Arrays.fill(arriving, -1);
            for (TraceEvent e : events) event(e);
            for (int c = 0; c < cpus; c++) {
                long end = Math.max(m.last, c < r.cpus() ? r.elapsedCycles().get(c) : 0);
                if (m.traced() && !events.isEmpty()) m.last = Math.max(m.last, end);
                closeUser(c, end);
                if (depth[c] > 0) kernel(c, end);
            }
            // CPU lanes are sealed once, with their idle gaps.
            for (Lane l : m.lanes) if (!l.cpu()) l.intervals().seal();
            idleGaps(cpus);
        }

        /** Every thread of the trace has its lane from the first pass; no allocation per event. */
        private int threadLane(String t) { return threadLaneOf.get(t); }

        private void event(TraceEvent e) {
            int c = Math.max(0, e.cpu());
            m.first = Math.min(m.first, e.cycle());
            m.last = Math.max(m.last, e.cycle());
            switch (e.kind()) {
                case KERNEL_ENTRY -> {
                    if (depth[c]++ > 0) return; // nested entries belong to the outer kernel interval
                    toIdle[c] = false;
                    closeUser(c, e.cycle());
                    kernelStart[c] = e.cycle();
                    kernelThread[c] = e.thread();
                    if (!e.thread().isEmpty()) {
                        current[c] = e.thread();
                        ranOn[threadLane(e.thread())] = c;
                    }
                }
                case KERNEL_EXIT -> {
                    if (depth[c] == 0) return; // the ring cut off the entry
                    if (--depth[c] > 0) return;
                    kernel(c, e.cycle());
                    String t = current[c] != null ? current[c] : e.thread().isEmpty() ? null : e.thread();
                    if (toIdle[c]) t = null;
                    current[c] = t;
                    openUser(c, t, e.cycle());
                    if (t != null && arriving[threadLane(t)] >= 0) {
                        m.arrows.arrived(arriving[threadLane(t)], e.cycle());
                        arriving[threadLane(t)] = -1;
                    }
                }
                case THREAD_SWITCH -> {
                    boolean idle = e.partner().isEmpty() || e.partner().equals("idle");
                    current[c] = idle ? null : e.partner();
                    toIdle[c] = idle;
                    if (!idle) ranOn[threadLane(e.partner())] = c;
                    if (depth[c] == 0) {
                        closeUser(c, e.cycle());
                        openUser(c, current[c], e.cycle());
                    }
                }
                case IPC_SEND -> {
                    int msg = sends++; // counted for every send, as the trace's message list has them all
                    if (e.thread().isEmpty() || e.partner().isEmpty()) return;
                    int from = threadLane(e.thread()), to = threadLane(e.partner());
                    m.arrows.add(e.cycle(), from, to, c, msg);
                    int pair = from * m.lanes.size() + to;
                    if (pending[pair] == null) pending[pair] = new IntQueue();
                    pending[pair].add(m.arrows.size() - 1);
                }
                case IPC_RECEIVE -> {
                    // Sends and receives between one pair match first in, first out.
                    Integer sender = threadLaneOf.get(e.partner()), receiver = threadLaneOf.get(e.thread());
                    if (sender == null || receiver == null) return; // no send of this pair in the trace
                    IntQueue q = pending[sender * m.lanes.size() + receiver];
                    // The kernel records the receive where it copies the message (the sender's CPU on
                    // a multiprocessor); the arrow goes to the CPU the receiver runs on.
                    if (q == null || q.isEmpty()) return;
                    int arrow = q.poll(), on = ranOn[receiver] >= 0 ? ranOn[receiver] : c;
                    m.arrows.received(arrow, e.cycle(), on);
                    if (on != c) arriving[receiver] = arrow;
                }
                default -> { }
            }
        }

        private void kernel(int c, long end) {
            m.lanes.get(c).intervals().add(kernelStart[c], end, Intervals.KERNEL);
            if (kernelThread[c] != null && !kernelThread[c].isEmpty()) {
                m.lanes.get(threadLane(kernelThread[c])).intervals().add(kernelStart[c], end, Intervals.KERNEL);
            }
        }

        private void openUser(int c, String t, long at) {
            userThread[c] = t;
            userStart[c] = at;
        }

        private void closeUser(int c, long end) {
            String t = userThread[c];
            if (t == null) return;
            userThread[c] = null;
            m.lanes.get(c).intervals().add(userStart[c], end, Intervals.USER);
            m.lanes.get(threadLane(t)).intervals().add(userStart[c], end, Intervals.USER);
        }

        /** A CPU is idle wherever it runs neither user code nor the kernel, within the traced window. */
        private void idleGaps(int cpus) {
            for (int c = 0; c < cpus; c++) {
                Lane lane = m.lanes.get(c);
                m.lanes.set(c, new Lane(lane.name(), true, lane.intervals().withGaps(m.first(), m.last(), Intervals.IDLE)));
            }
        }
    }

    /**
     * The arrows as parallel primitive arrays, seen as a list of {@link Arrow}s made on demand: a
     * whole trace has 200 000 IPCs, and two records per IPC (one at the send, its replacement at
     * the receive) and a message each were a good part of what the timeline job allocated.
     */
    private static final class Arrows extends AbstractList<Arrow> {
        private final TraceMessages messages;
        private long[] send = new long[256];
        private long[] receive = new long[256];
        private int[] from = new int[256];
        private int[] to = new int[256];
        private short[] sendCpu = new short[256];
        private short[] receiveCpu = new short[256];
        private long[] arrive = new long[256];
        private int[] message = new int[256];
        private int size;
        private int crossing;

        Arrows(TraceMessages messages) {
            this.messages = messages;
        }

        /** Room for {@code n} arrows in all (a count from a first pass over the trace). */
        void reserve(int n) {
            if (n > send.length) grow(n);
        }

        private void grow(int n) {
            send = Arrays.copyOf(send, n);
            receive = Arrays.copyOf(receive, n);
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            sendCpu = Arrays.copyOf(sendCpu, n);
            receiveCpu = Arrays.copyOf(receiveCpu, n);
            arrive = Arrays.copyOf(arrive, n);
            message = Arrays.copyOf(message, n);
        }

        void add(long at, int fromLane, int toLane, int cpu, int msg) {
            if (size == send.length) grow(size * 2);
            send[size] = at;
            receive[size] = -1;
            from[size] = fromLane;
            to[size] = toLane;
            sendCpu[size] = (short) cpu;
            receiveCpu[size] = -1;
            arrive[size] = -1;
            message[size] = msg;
            size++;
        }

        void received(int i, long at, int cpu) {
            receive[i] = at;
            receiveCpu[i] = (short) cpu;
            if (cpu != sendCpu[i]) crossing++;
        }

        void arrived(int i, long at) { arrive[i] = at; }

        long send(int i) { return send[i]; }
        MessageInfo message(int i) { return messages.get(message[i]); }

        @Override
        public Arrow get(int i) {
            if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
            return new Arrow(send[i], from[i], receive[i], to[i], sendCpu[i], receiveCpu[i], arrive[i], messages.get(message[i]));
        }

        @Override
        public int size() { return size; }
    }

    /** A first-in, first-out queue of ints without boxing. */
    private static final class IntQueue {
        private int[] items = new int[4];
        private int head, tail;

        void add(int v) {
            if (tail == items.length) {
                if (head > 0) {
                    System.arraycopy(items, head, items, 0, tail - head);
                    tail -= head;
                    head = 0;
                }
                if (tail == items.length) items = Arrays.copyOf(items, items.length * 2);
            }
            items[tail++] = v;
        }

        boolean isEmpty() { return head == tail; }
        int poll() { return items[head++]; }
    }
}
