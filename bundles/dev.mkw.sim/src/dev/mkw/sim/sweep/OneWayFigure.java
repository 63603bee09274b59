package dev.mkw.sim.sweep;

import java.util.Arrays;
import java.util.List;

import dev.mkw.sim.report.IpcSample;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunReport;

/**
 * A one-way IPC figure as the literature measures it, from user level: the mean cycles of a
 * kernel path, entry to exit, plus the user-level cycles of the answering thread between
 * getting a message and trapping with its next one. The published figures are taken from user
 * level (L3's ping-pong loop, sel4bench's timestamps in client and server, L4Re's benchmark
 * loop), so they include what happens in user mode after a return: the system-call library
 * reading the result and setting up the next call, the loop, and on a machine whose
 * address-space switch flushes the TLB, the receiver's refills of code and stack
 * translations. The kernel path alone would leave those out. {@code mkw fidelity}'s IPC rows and
 * the sweep metric {@code one-way:PATH@THREAD} are this figure.
 */
public final class OneWayFigure {
    private OneWayFigure() {}

    /**
     * The figure of {@code report}: the mean of {@code path} plus {@link #userBetweenTraps} of
     * {@code thread}; NaN when the run took no such path or the thread answered no message.
     */
    public static double cycles(RunReport report, String path, String thread) {
        KernelPathStats p = report.kernelPaths().get(path);
        if (p == null || p.count() == 0) return Double.NaN;
        return (double) p.total() / p.count() + userBetweenTraps(report, thread);
    }

    /**
     * The user-level cycles of {@code thread} from a return to its next trap: the median gap
     * between a message reaching the thread (the end of the delivering path) and the thread's
     * own next message starting its path, over every such pair of samples (the median, because a
     * gap a timer interrupt fell into holds the interrupt's paths too, which are not part of an
     * IPC); NaN when the thread answered no message.
     */
    public static double userBetweenTraps(RunReport report, String thread) {
        List<IpcSample> samples = report.ipcSamples();
        long[] gaps = new long[samples.size()];
        int n = 0;
        for (int i = 0; i + 1 < samples.size(); i++) {
            IpcSample in = samples.get(i), out = samples.get(i + 1);
            if (in.to().equals(thread) && out.from().equals(thread)) gaps[n++] = out.sendCycle() - (in.sendCycle() + in.latency());
        }
        if (n == 0) return Double.NaN;
        Arrays.sort(gaps, 0, n);
        return gaps[n / 2];
    }
}
