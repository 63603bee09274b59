package dev.mkw.sim.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.report.RunReport;

/**
 * The start of the recorded trace as the workbench's Timeline draws it: a lane per CPU (user,
 * kernel, idle) and per thread (user, kernel), IPC arrows from the sender's lane to the
 * receiver's. Who runs in user mode follows the rules of the Perfetto export. The excerpt
 * covers the first {@value #ARROWS} IPCs (or the whole trace when it has fewer), so single
 * kernel entries stay visible.
 */
final class TimelineExcerpt {
    static final int ARROWS = 12;
    private static final int USER = 0, KERNEL = 1, IDLE = 2;
    private static final int NAMES = 150, WIDTH = 760, LANE = 22, TOP = 30;

    private record Interval(long start, long end, int kind) {}

    private record Arrow(long send, String from, long receive, String to) {}

    private final Map<String, List<Interval>> lanes = new TreeMap<>();
    private final List<String> cpuLanes = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();
    private long from = Long.MAX_VALUE, to;

    /** The excerpt of the run's trace, or null when the run recorded no trace events. */
    static TimelineExcerpt of(RunReport r) {
        List<TraceEvent> events = r.trace().events();
        if (events.isEmpty()) return null;
        TimelineExcerpt t = new TimelineExcerpt();
        t.build(events, Math.max(r.cpus(), 1));
        return t;
    }

    long from() { return from; }
    long to() { return to; }
    int arrows() { return (int) arrows.stream().filter(a -> a.send() <= to).count(); }

    private void build(List<TraceEvent> events, int cpus) {
        for (TraceEvent e : events) cpus = Math.max(cpus, e.cpu() + 1);
        for (int c = 0; c < cpus; c++) {
            cpuLanes.add("cpu" + c);
            lanes.put("\u0000cpu" + c, new ArrayList<>());
        }
        int[] depth = new int[cpus];
        long[] kernelStart = new long[cpus], userStart = new long[cpus];
        String[] kernelThread = new String[cpus], current = new String[cpus];
        boolean[] idle = new boolean[cpus];
        Map<String, Deque<Integer>> pending = new HashMap<>();
        from = events.get(0).cycle();
        long end = Long.MAX_VALUE;
        for (TraceEvent e : events) {
            if (e.cycle() > end) break;
            int c = Math.max(0, e.cpu());
            to = Math.max(to, e.cycle());
            switch (e.kind()) {
                case KERNEL_ENTRY -> {
                    if (depth[c]++ > 0) continue;
                    user(c, current[c], idle[c], userStart[c], e.cycle());
                    kernelStart[c] = e.cycle();
                    kernelThread[c] = e.thread();
                    if (!e.thread().isEmpty()) current[c] = e.thread();
                    idle[c] = false;
                }
                case KERNEL_EXIT -> {
                    if (depth[c] == 0 || --depth[c] > 0) continue;
                    add("\u0000cpu" + c, kernelStart[c], e.cycle(), KERNEL);
                    if (kernelThread[c] != null && !kernelThread[c].isEmpty()) add(kernelThread[c], kernelStart[c], e.cycle(), KERNEL);
                    if (current[c] == null && !e.thread().isEmpty() && !idle[c]) current[c] = e.thread();
                    userStart[c] = e.cycle();
                }
                case THREAD_SWITCH -> {
                    boolean toIdle = e.partner().isEmpty() || e.partner().equals(PerfettoTraceExporter.IDLE);
                    if (depth[c] == 0) {
                        user(c, current[c], idle[c], userStart[c], e.cycle());
                        userStart[c] = e.cycle();
                    }
                    current[c] = toIdle ? null : e.partner();
                    idle[c] = toIdle;
                }
                case IPC_SEND -> {
                    if (e.thread().isEmpty() || e.partner().isEmpty()) continue;
                    arrows.add(new Arrow(e.cycle(), e.thread(), -1, e.partner()));
                    lanes.computeIfAbsent(e.thread(), k -> new ArrayList<>());
                    lanes.computeIfAbsent(e.partner(), k -> new ArrayList<>());
                    pending.computeIfAbsent(e.thread() + "\u0000" + e.partner(), k -> new ArrayDeque<>()).add(arrows.size() - 1);
                    if (arrows.size() == ARROWS) end = e.cycle() + Math.max(200, (e.cycle() - from) / ARROWS);
                }
                case IPC_RECEIVE -> {
                    Deque<Integer> q = pending.get(e.partner() + "\u0000" + e.thread());
                    Integer i = q == null ? null : q.poll();
                    if (i != null) arrows.set(i, new Arrow(arrows.get(i).send(), arrows.get(i).from(), e.cycle(), arrows.get(i).to()));
                }
                default -> { }
            }
        }
        for (int c = 0; c < cpus; c++) {
            if (depth[c] > 0) add("\u0000cpu" + c, kernelStart[c], to, KERNEL);
            else user(c, current[c], idle[c], userStart[c], to);
        }
    }

    /** The run of {@code thread} (or idle) on CPU {@code c} from {@code start} to {@code end}. */
    private void user(int c, String thread, boolean idle, long start, long end) {
        if (end <= start) return;
        if (idle || thread == null) {
            add("\u0000cpu" + c, start, end, IDLE);
            return;
        }
        add("\u0000cpu" + c, start, end, USER);
        add(thread, start, end, USER);
    }

    private void add(String lane, long start, long end, int kind) {
        if (end > start) lanes.computeIfAbsent(lane, k -> new ArrayList<>()).add(new Interval(start, end, kind));
    }

    String svg() {
        List<String> order = new ArrayList<>(lanes.keySet());
        int height = TOP + order.size() * LANE + 24;
        double cpp = Math.max(1e-9, (double) Math.max(1, to - from) / WIDTH);
        StringBuilder b = Svg.open(NAMES + WIDTH + 20, height, "Timeline excerpt");
        Svg.legend(b, List.of("user", "kernel", "idle"), NAMES);
        Map<String, Integer> y = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            String lane = order.get(i);
            int top = TOP + i * LANE;
            y.put(lane, top + LANE / 2);
            b.append(Svg.text(NAMES - 6, top + 15, "end", lane.startsWith("\u0000") ? lane.substring(1) : lane));
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e1e1e1\"/>", NAMES, top + LANE - 1, NAMES + WIDTH, top + LANE - 1));
            for (Interval in : lanes.get(lane)) {
                if (in.end() < from || in.start() > to) continue;
                double x0 = NAMES + (Math.max(in.start(), from) - from) / cpp, x1 = NAMES + (Math.min(in.end(), to) - from) / cpp;
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", x0, top + 3, Math.max(0.5, x1 - x0), LANE - 7, Svg.COLORS[in.kind()]));
            }
        }
        for (Arrow a : arrows) {
            if (a.send() > to || !y.containsKey(a.from()) || !y.containsKey(a.to())) continue;
            double x0 = NAMES + (a.send() - from) / cpp, x1 = NAMES + ((a.receive() < 0 ? a.send() : Math.min(a.receive(), to)) - from) / cpp;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.2\"/>", x0, y.get(a.from()), x1, y.get(a.to()), Svg.ARROW));
            b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"2.5\" fill=\"%s\"/>", x1, y.get(a.to()), Svg.ARROW));
        }
        int axis = TOP + order.size() * LANE + 16;
        b.append(Svg.text(NAMES, axis, "start", String.format(Locale.ROOT, "cycle %,d", from)));
        b.append(Svg.text(NAMES + WIDTH, axis, "end", String.format(Locale.ROOT, "cycle %,d", to)));
        return b.append("</svg>").toString();
    }
}
