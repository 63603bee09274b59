package dev.mkw.ui.tests;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

import javax.management.ObjectName;

/**
 * The JVM's own counters the refresh fixture reports beside its timings: bytes allocated (by
 * every thread, and by the UI thread), collector pauses and their time, and the JVM's uptime
 * (the time stamps of {@code -Xlog:gc} and JFR's recording), so a long UI event can be told
 * apart from a collection and the GC log lined up with the fixture's windows.
 */
record JvmCounters(long uptimeMillis, long allocatedBytes, long threadAllocatedBytes, long pauses, long pauseMillis) {

    /** The counters now; {@code threadAllocatedBytes} is the calling thread's. */
    static JvmCounters now() {
        long pauses = 0;
        for (GarbageCollectorMXBean gc : pausing()) pauses += Math.max(0, gc.getCollectionCount());
        return new JvmCounters(ManagementFactory.getRuntimeMXBean().getUptime(), attribute("TotalThreadAllocatedBytes"),
                attribute("CurrentThreadAllocatedBytes"), pauses, pausedMillis());
    }

    /** Milliseconds the collectors have paused the application so far (cheap: read around every UI event). */
    static long pausedMillis() {
        long t = 0;
        for (GarbageCollectorMXBean gc : pausing()) t += Math.max(0, gc.getCollectionTime());
        return t;
    }

    /**
     * The collectors' beans that count pauses: G1's young and old ones and "G1 Concurrent GC" (its
     * remark and cleanup pauses); ZGC's "... Pauses". ZGC's "... Cycles" count concurrent cycles,
     * which stop no thread.
     */
    private static java.util.List<GarbageCollectorMXBean> pausing() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().filter(gc -> !gc.getName().contains("Cycles")).toList();
    }

    /** A long attribute of the platform's threading bean (HotSpot's extension), -1 when it has none. */
    private static long attribute(String name) {
        try {
            Object v = ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME), name);
            return v instanceof Long l ? l : -1;
        } catch (Exception | LinkageError e) {
            return -1;
        }
    }

    /** What happened from {@code before} to this: allocation in MB, pauses and their time, and the uptime window. */
    String since(JvmCounters before) {
        return String.format("allocated %,d MB (UI thread %,d MB), %d collector pause(s) of %,d ms in all, JVM uptime %,d-%,d ms",
                (allocatedBytes - before.allocatedBytes) >> 20, (threadAllocatedBytes - before.threadAllocatedBytes) >> 20,
                pauses - before.pauses, pauseMillis - before.pauseMillis, before.uptimeMillis, uptimeMillis);
    }
}
