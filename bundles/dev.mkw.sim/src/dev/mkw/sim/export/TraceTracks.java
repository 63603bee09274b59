package dev.mkw.sim.export;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;
import dev.mkw.sim.report.RunReport;

/**
 * Which Chrome-trace process and thread ids the CPUs and simulated threads get. CPUs are
 * threads of one process "CPUs" (pid 1, tid = cpu + 1); simulated threads are grouped into
 * one process per task (pids from 2, in task name order), tids from 1000 in thread name
 * order, so every track has a globally unique tid and the numbering depends only on names.
 */
final class TraceTracks {
    static final int CPU_PID = 1;
    private static final int FIRST_TASK_PID = 2;
    private static final int FIRST_THREAD_TID = 1000;

    final int cpus;
    final Map<String, Integer> taskPid = new TreeMap<>();
    final Map<String, Integer> threadTid = new TreeMap<>();

    TraceTracks(RunReport r) {
        int maxCpu = r.cpus() - 1;
        SortedSet<String> threads = new TreeSet<>(r.threads().keySet());
        for (TraceEvent e : r.trace().events()) {
            maxCpu = Math.max(maxCpu, e.cpu());
            if (!e.thread().isEmpty()) threads.add(e.thread());
            if (namesThread(e.kind()) && !e.partner().isEmpty()) threads.add(e.partner());
        }
        this.cpus = maxCpu + 1;
        SortedSet<String> tasks = new TreeSet<>();
        for (String t : threads) tasks.add(taskOf(t));
        int pid = FIRST_TASK_PID;
        for (String task : tasks) taskPid.put(task, pid++);
        int tid = FIRST_THREAD_TID;
        for (String t : threads) threadTid.put(t, tid++);
    }

    /** Kinds whose partner is a thread (not an IRQ line or a page). */
    static boolean namesThread(TraceKind k) {
        return k == TraceKind.IPC_SEND || k == TraceKind.IPC_RECEIVE || k == TraceKind.THREAD_SWITCH;
    }

    /** {@code task.thread} belongs to {@code task}; a name without a dot is its own task. */
    static String taskOf(String thread) {
        int dot = thread.indexOf('.');
        return dot < 0 ? thread : thread.substring(0, dot);
    }

    static int cpuTid(int cpu) { return cpu + 1; }

    int pidOf(String thread) { return taskPid.get(taskOf(thread)); }

    int tidOf(String thread) { return threadTid.get(thread); }
}
