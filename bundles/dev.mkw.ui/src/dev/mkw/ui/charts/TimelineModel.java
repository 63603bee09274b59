package dev.mkw.ui.charts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.mkw.kernel.inspect.MessageInfo;
import dev.mkw.sim.Trace;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;
import dev.mkw.sim.report.RunReport;

/**
 * The timeline of a run, derived once from its trace (off the UI thread: a million events
 * take a while): one lane per CPU (user, kernel, idle) and one per thread (user, kernel),
 * and an arrow per IPC from the sender's lane at the send to the receiver's at the receive.
 * Who runs in user mode follows the same rules as the Perfetto export, so both agree.
 */
public final class TimelineModel {
    /** One IPC: sent at {@code send} by lane {@code from}, received at {@code receive} (-1: not in the trace) by lane {@code to}. */
    public record Arrow(long send, int from, long receive, int to, MessageInfo message) {}

    /** One row: its name and intervals; {@code cpu} tells CPU lanes from thread lanes. */
    public record Lane(String name, boolean cpu, Intervals intervals) {}

    private final List<Lane> lanes = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();
    private final Trace.Mode mode;
    private final long dropped;
    private long first = Long.MAX_VALUE;
    private long last;

    private TimelineModel(Trace.Mode mode, long dropped) {
        this.mode = mode;
        this.dropped = dropped;
    }

    public static TimelineModel of(RunReport r) {
        TimelineModel m = new TimelineModel(r.trace().mode(), r.trace().dropped());
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

    /** The arrow of {@code m}, or -1 (a message outside the trace's ring). */
    public int arrowOf(MessageInfo m) {
        for (int i = 0; i < arrows.size(); i++) if (arrows.get(i).message().equals(m)) return i;
        return -1;
    }

    /** The first arrow sent at or after {@code cycle} (arrows are in send order). */
    public int firstArrowFrom(long cycle) {
        int lo = 0, hi = arrows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (arrows.get(mid).send() < cycle) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** One pass over the events with per-CPU state, as the Perfetto exporter does. */
    private static final class Builder {
        private final TimelineModel m;
        private final RunReport r;
        private final Map<String, Integer> laneOf = new LinkedHashMap<>();
        private final Map<String, Deque<Integer>> pending = new HashMap<>();
        private int[] depth;
        private long[] kernelStart;
        private String[] kernelThread;
        private String[] current;
        private String[] userThread;
        private long[] userStart;
        private boolean[] toIdle;

        Builder(TimelineModel m, RunReport r) {
            this.m = m;
            this.r = r;
        }

        void build() {
            List<TraceEvent> events = r.trace().events();
            int cpus = r.cpus();
            TreeSet<String> threads = new TreeSet<>(r.threads().keySet());
            for (TraceEvent e : events) {
                cpus = Math.max(cpus, e.cpu() + 1);
                if (!e.thread().isEmpty()) threads.add(e.thread());
            }
            for (int c = 0; c < cpus; c++) lane("cpu" + c, true);
            for (String t : threads) lane(t, false);
            depth = new int[cpus];
            kernelStart = new long[cpus];
            kernelThread = new String[cpus];
            current = new String[cpus];
            userThread = new String[cpus];
            userStart = new long[cpus];
            toIdle = new boolean[cpus];
            for (TraceEvent e : events) event(e);
            for (int c = 0; c < cpus; c++) {
                long end = Math.max(m.last, c < r.cpus() ? r.elapsedCycles().get(c) : 0);
                if (m.traced() && !events.isEmpty()) m.last = Math.max(m.last, end);
                closeUser(c, end);
                if (depth[c] > 0) kernel(c, end);
            }
            for (Lane l : m.lanes) l.intervals().seal();
            idleGaps(cpus);
        }

        private int lane(String name, boolean cpu) {
            return laneOf.computeIfAbsent((cpu ? "\u0000" : "") + name, k -> {
                m.lanes.add(new Lane(name, cpu, new Intervals()));
                return m.lanes.size() - 1;
            });
        }

        private int threadLane(String t) { return lane(t, false); }

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
                    if (!e.thread().isEmpty()) current[c] = e.thread();
                }
                case KERNEL_EXIT -> {
                    if (depth[c] == 0) return; // the ring cut off the entry
                    if (--depth[c] > 0) return;
                    kernel(c, e.cycle());
                    String t = current[c] != null ? current[c] : e.thread().isEmpty() ? null : e.thread();
                    if (toIdle[c]) t = null;
                    current[c] = t;
                    openUser(c, t, e.cycle());
                }
                case THREAD_SWITCH -> {
                    boolean idle = e.partner().isEmpty() || e.partner().equals("idle");
                    current[c] = idle ? null : e.partner();
                    toIdle[c] = idle;
                    if (depth[c] == 0) {
                        closeUser(c, e.cycle());
                        openUser(c, current[c], e.cycle());
                    }
                }
                case IPC_SEND -> {
                    if (e.thread().isEmpty() || e.partner().isEmpty()) return;
                    MessageInfo msg = new MessageInfo(e.cycle(), e.thread(), e.partner(), e.detail(), e.value(), e.path());
                    m.arrows.add(new Arrow(e.cycle(), threadLane(e.thread()), -1, threadLane(e.partner()), msg));
                    pending.computeIfAbsent(e.thread() + "\u0000" + e.partner(), k -> new ArrayDeque<>()).add(m.arrows.size() - 1);
                }
                case IPC_RECEIVE -> {
                    // Sends and receives between one pair match first in, first out.
                    Deque<Integer> q = pending.get(e.partner() + "\u0000" + e.thread());
                    Integer i = q == null ? null : q.poll();
                    if (i != null) {
                        Arrow a = m.arrows.get(i);
                        m.arrows.set(i, new Arrow(a.send(), a.from(), e.cycle(), a.to(), a.message()));
                    }
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
                Intervals in = m.lanes.get(c).intervals();
                Intervals gaps = new Intervals();
                long at = m.first();
                for (int i = 0; i < in.size(); i++) {
                    gaps.add(at, in.start(i), Intervals.IDLE);
                    at = Math.max(at, in.end(i));
                }
                gaps.add(at, m.last(), Intervals.IDLE);
                for (int i = 0; i < gaps.size(); i++) in.add(gaps.start(i), gaps.end(i), Intervals.IDLE);
                in.seal();
            }
        }
    }
}
