package dev.mkw.run;

import java.util.List;
import java.util.Map;

import dev.mkw.kernel.KernelError;
import dev.mkw.kernel.PathStats;
import dev.mkw.kernel.inspect.ThreadInfo;
import dev.mkw.sim.CycleAccounting;
import dev.mkw.sim.Trace;

/**
 * What a run produced.
 *
 * @param scenario      the scenario's name
 * @param machine       the machine preset
 * @param seed          the seed
 * @param settings      the variant settings, key → value
 * @param elapsedCycles cycles CPU 0 ran
 * @param clockMhz      the machine's clock, to turn cycles into time
 * @param accounting    where every cycle went
 * @param paths         per kernel path: count and cycles
 * @param threads       per thread statistics
 * @param ipcLatency    one-way IPC path cycles by untyped words
 * @param irqLatency    raise → delivery cycles by IRQ line
 * @param hardware      hardware counters (tlb.hits, tlb.misses, L1.misses, ...)
 * @param errors        errors the user's program caused
 * @param trace         the trace (possibly off)
 */
public record RunResult(String scenario, String machine, long seed, Map<String, String> settings, long elapsedCycles,
        double clockMhz, CycleAccounting accounting, Map<String, PathStats> paths, List<ThreadInfo> threads,
        Map<Integer, List<Long>> ipcLatency, Map<Integer, List<Long>> irqLatency, Map<String, Long> hardware,
        List<KernelError> errors, Trace trace) {

    public boolean failed() {
        return errors.stream().anyMatch(KernelError::fatal);
    }
}
