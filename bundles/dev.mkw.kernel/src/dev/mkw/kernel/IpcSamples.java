package dev.mkw.kernel;

import java.util.IdentityHashMap;
import java.util.Map;

import dev.mkw.kernel.thread.Tcb;

/**
 * The report's IPC latency samples: one per delivered message, from the send's start to the
 * receiver running. On one processor that is the delivering path; across processors the
 * receiver runs only once its processor took the IPI and scheduled it, so the sample waits
 * for that switch ({@link #switchedTo}).
 */
final class IpcSamples {
    /** An IPC delivered to a thread on another processor, waiting for that thread to run. */
    private record Pending(long start, String from, int words, String path) {}

    private final Kernel k;
    private final Map<Tcb, Pending> pending = new IdentityHashMap<>();

    IpcSamples(Kernel k) {
        this.k = k;
    }

    /** An IPC of {@code words} words from {@code s} reached {@code d}; the delivering path {@code path} cost {@code cycles}. */
    void delivered(Tcb s, Tcb d, int words, String path, long cycles) {
        k.ipcFootprint().delivered(words, k.abi().registerWords(), path);
        if (s.cpu != d.cpu && k.processorOf(d).current() != d) {
            pending.put(d, new Pending(k.now() - cycles, s.name, words, path));
            return;
        }
        // The path has been charged: it began {@code cycles} ago, when the sender entered the kernel.
        k.statistics().ipc(k.now() - cycles, s.name, d.name, words, path, cycles, s.cpu != d.cpu);
    }

    /** {@code next} starts running {@code pathCycles} into the current path: a cross-processor sample it waited for ends. */
    void switchedTo(Tcb next, long pathCycles) {
        if (pending.isEmpty()) return;
        Pending x = pending.remove(next);
        // The processors' clocks differ by up to a step: a receiver picked up in a step that began
        // before the send (it was queued without an IPI) counts as waiting no time.
        if (x != null) k.statistics().ipc(x.start(), x.from(), next.name, x.words(), x.path(), Math.max(0, k.now() + pathCycles - x.start()), true);
    }
}
