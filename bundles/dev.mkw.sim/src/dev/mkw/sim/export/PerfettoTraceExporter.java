package dev.mkw.sim.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;
import dev.mkw.sim.report.RunReport;

/**
 * The trace as Chrome trace-event JSON, which ui.perfetto.dev and chrome://tracing open.
 * One track per CPU and one per simulated thread (see {@link TraceTracks}); kernel paths
 * ({@code KERNEL_ENTRY}..{@code KERNEL_EXIT}) and user runs (kernel exit..next entry) become
 * "X" complete events on the CPU's track and the thread's; every other event is an "i"
 * instant; each IPC send is joined to its receive by a flow ("s" then "f"). Timestamps are
 * microseconds: cycles divided by the clock in MHz.
 *
 * <p>Who runs in user mode after a kernel exit: the thread named by the last THREAD_SWITCH
 * (partner) during that kernel entry, else the thread that entered, else the exit event's
 * thread; a switch to "" or {@value #IDLE} leaves the CPU idle until the next switch.
 */
public final class PerfettoTraceExporter implements Exporter {
    /** A THREAD_SWITCH to this partner (or to "") leaves the CPU idle. */
    public static final String IDLE = "idle";
    private final double clockMhz;

    /** Use the clock recorded in the report (1 MHz, i.e. ts = cycles, if it has none). */
    public PerfettoTraceExporter() { this(0); }

    /** Use {@code clockMhz} whatever the report says (0: the report's). */
    public PerfettoTraceExporter(double clockMhz) { this.clockMhz = clockMhz; }

    @Override public String id() { return "perfetto"; }
    @Override public String fileExtension() { return "json"; }
    @Override public String description() { return "Chrome/Perfetto trace-event JSON (ui.perfetto.dev)"; }

    @Override
    public void write(RunReport r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        double mhz = clockMhz > 0 ? clockMhz : r.clockMhz() > 0 ? r.clockMhz() : 1;
        TraceTracks tracks = new TraceTracks(r);
        JsonWriter j = new JsonWriter(w, 2);
        j.beginObject().field("displayTimeUnit", "ns");
        j.name("otherData").beginObject().field("scenario", r.scenario()).field("seed", Long.toString(r.seed()))
                .field("clockMhz", Decimals.format(mhz, 6)).field("droppedEvents", Long.toString(r.trace().dropped()))
                .endObject();
        j.name("traceEvents").beginArray();
        metadata(j, tracks);
        new Spans(j, tracks, mhz).emit(r);
        j.endArray().endObject();
        w.write("\n");
        w.flush();
    }

    private static void metadata(JsonWriter j, TraceTracks t) {
        meta(j, "process_name", TraceTracks.CPU_PID, 0, "CPUs");
        meta(j, "process_sort_index", TraceTracks.CPU_PID, 0, 0);
        for (int c = 0; c < t.cpus; c++) {
            meta(j, "thread_name", TraceTracks.CPU_PID, TraceTracks.cpuTid(c), "cpu" + c);
            meta(j, "thread_sort_index", TraceTracks.CPU_PID, TraceTracks.cpuTid(c), c);
        }
        for (Map.Entry<String, Integer> e : t.taskPid.entrySet()) {
            meta(j, "process_name", e.getValue(), 0, "task " + e.getKey());
            meta(j, "process_sort_index", e.getValue(), 0, e.getValue());
        }
        for (Map.Entry<String, Integer> e : t.threadTid.entrySet()) {
            meta(j, "thread_name", t.pidOf(e.getKey()), e.getValue(), e.getKey());
            meta(j, "thread_sort_index", t.pidOf(e.getKey()), e.getValue(), e.getValue());
        }
    }

    private static void meta(JsonWriter j, String name, int pid, int tid, Object arg) {
        j.beginObject().field("ph", "M").field("name", name).field("pid", pid).field("tid", tid);
        j.name("args").beginObject().name(name.endsWith("_name") ? "name" : "sort_index");
        if (arg instanceof Integer i) j.value(i.longValue()); else j.value(arg.toString());
        j.endObject().endObject();
    }

    /** Walks the events once, pairing entries with exits and sends with receives. */
    private static final class Spans {
        private final JsonWriter j;
        private final TraceTracks tracks;
        private final double mhz;
        private final Deque<Open>[] kernel;
        private final Open[] user;
        private final String[] current;
        private final boolean[] switchedToIdle;
        private final long[] lastCycle;
        private final Map<String, Deque<Long>> pendingFlows = new TreeMap<>();
        private long nextFlow = 1;

        private record Open(String name, String thread, long start) {}

        @SuppressWarnings({"unchecked", "rawtypes"})
        Spans(JsonWriter j, TraceTracks tracks, double mhz) {
            this.j = j;
            this.tracks = tracks;
            this.mhz = mhz;
            kernel = new Deque[tracks.cpus];
            for (int i = 0; i < kernel.length; i++) kernel[i] = new ArrayDeque<>();
            user = new Open[tracks.cpus];
            current = new String[tracks.cpus];
            switchedToIdle = new boolean[tracks.cpus];
            lastCycle = new long[tracks.cpus];
        }

        void emit(RunReport r) {
            for (TraceEvent e : r.trace().events()) {
                int cpu = Math.max(0, e.cpu());
                lastCycle[cpu] = Math.max(lastCycle[cpu], e.cycle());
                switch (e.kind()) {
                    case KERNEL_ENTRY -> {
                        if (kernel[cpu].isEmpty()) switchedToIdle[cpu] = false;
                        closeUser(cpu, e.cycle());
                        if (kernel[cpu].isEmpty() && !e.thread().isEmpty()) current[cpu] = e.thread();
                        kernel[cpu].push(new Open(e.path().isEmpty() ? "kernel" : e.path(), e.thread(), e.cycle()));
                    }
                    case KERNEL_EXIT -> {
                        Open k = kernel[cpu].poll();
                        if (k != null) complete(cpu, k, e.cycle(), "kernel");
                        if (kernel[cpu].isEmpty()) {
                            // Who returns to user mode: whoever entered, unless the kernel switched meanwhile.
                            String t = current[cpu] != null ? current[cpu] : e.thread().isEmpty() ? null : e.thread();
                            if (switchedToIdle[cpu]) t = null;
                            current[cpu] = t;
                            if (t != null) user[cpu] = new Open(t, t, e.cycle());
                        }
                    }
                    default -> instant(cpu, e);
                }
            }
            // Close what is still open where the CPU's clock stopped.
            for (int cpu = 0; cpu < tracks.cpus; cpu++) {
                long end = Math.max(lastCycle[cpu], cpu < r.cpus() ? r.elapsedCycles().get(cpu) : 0);
                closeUser(cpu, end);
                while (!kernel[cpu].isEmpty()) complete(cpu, kernel[cpu].poll(), end, "kernel");
            }
        }

        private void closeUser(int cpu, long end) {
            Open u = user[cpu];
            if (u == null) return;
            user[cpu] = null;
            if (end > u.start()) complete(cpu, u, end, "user");
        }

        private void complete(int cpu, Open o, long end, String category) {
            long dur = Math.max(0, end - o.start());
            slice(o.name(), category, TraceTracks.CPU_PID, TraceTracks.cpuTid(cpu), o.start(), dur);
            if (!o.thread().isEmpty()) {
                slice(o.name(), category, tracks.pidOf(o.thread()), tracks.tidOf(o.thread()), o.start(), dur);
            }
        }

        private void slice(String name, String cat, int pid, int tid, long start, long dur) {
            j.beginObject().field("ph", "X").field("name", name).field("cat", cat).field("pid", pid).field("tid", tid)
                    .name("ts").number(Decimals.micros(start, mhz)).name("dur").number(Decimals.micros(dur, mhz))
                    .endObject();
        }

        private void instant(int cpu, TraceEvent e) {
            if (e.kind() == TraceKind.THREAD_SWITCH) {
                boolean idle = e.partner().isEmpty() || e.partner().equals(IDLE);
                current[cpu] = idle ? null : e.partner();
                switchedToIdle[cpu] = idle;
                if (kernel[cpu].isEmpty()) { // a switch outside the kernel hands the CPU over directly
                    closeUser(cpu, e.cycle());
                    if (!idle) user[cpu] = new Open(e.partner(), e.partner(), e.cycle());
                }
            }
            boolean onThread = !e.thread().isEmpty();
            int pid = onThread ? tracks.pidOf(e.thread()) : TraceTracks.CPU_PID;
            int tid = onThread ? tracks.tidOf(e.thread()) : TraceTracks.cpuTid(cpu);
            String ts = Decimals.micros(e.cycle(), mhz);
            j.beginObject().field("ph", "i").field("name", e.kind().name().toLowerCase(Locale.ROOT)).field("cat", "event")
                    .field("s", "t").field("pid", pid).field("tid", tid).name("ts").number(ts);
            j.name("args").beginObject().field("cpu", e.cpu()).field("cycle", e.cycle());
            if (!e.partner().isEmpty()) j.field("partner", e.partner());
            if (!e.path().isEmpty()) j.field("path", e.path());
            j.field("value", e.value());
            if (!e.detail().isEmpty()) j.field("detail", e.detail());
            j.endObject().endObject();
            if (onThread && !e.partner().isEmpty()) flow(e, pid, tid, ts);
        }

        // Sends and receives between the same pair are matched first in, first out.
        private void flow(TraceEvent e, int pid, int tid, String ts) {
            if (e.kind() == TraceKind.IPC_SEND) {
                long id = nextFlow++;
                pendingFlows.computeIfAbsent(e.thread() + "\u0000" + e.partner(), k -> new ArrayDeque<>()).add(id);
                flowEvent("s", id, pid, tid, ts);
            } else if (e.kind() == TraceKind.IPC_RECEIVE) {
                Deque<Long> q = pendingFlows.get(e.partner() + "\u0000" + e.thread());
                Long id = q == null ? null : q.poll();
                if (id != null) flowEvent("f", id, pid, tid, ts);
            }
        }

        private void flowEvent(String ph, long id, int pid, int tid, String ts) {
            j.beginObject().field("ph", ph).field("name", "ipc").field("cat", "ipc").field("id", id)
                    .field("pid", pid).field("tid", tid).name("ts").number(ts);
            if (ph.equals("f")) j.field("bp", "e");
            j.endObject();
        }
    }
}
