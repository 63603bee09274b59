package dev.mkw.sim.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.mkw.sim.report.Account;
import dev.mkw.sim.report.CacheLevelCounters;
import dev.mkw.sim.report.HardwareCounters;
import dev.mkw.sim.report.Histogram;
import dev.mkw.sim.report.IpcSample;
import dev.mkw.sim.report.IrqStats;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunError;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.report.ThreadStats;

/**
 * The machine-readable run report ({@code mkw run --report json}): one JSON object whose keys
 * come in a fixed order and whose maps are sorted, so equal reports give equal bytes. The
 * summary keys the CLI promises come first; detail (per CPU, per size, samples) follows.
 */
public final class JsonReportExporter implements Exporter {
    @Override public String id() { return "json"; }
    @Override public String fileExtension() { return "json"; }
    @Override public String description() { return "machine-readable run report (JSON, stable key order)"; }

    @Override
    public void write(RunReport r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        JsonWriter j = JsonWriter.pretty(w);
        j.beginObject();
        j.field("scenario", r.scenario()).field("preset", r.preset());
        j.name("settings").beginObject();
        for (Map.Entry<String, String> e : r.settings().entrySet()) j.field(e.getKey(), e.getValue());
        j.endObject();
        j.field("seed", r.seed()).field("endReason", r.endReason()).field("cpus", r.cpus());
        j.field("clockMhz", r.clockMhz(), 6).field("cycles", r.cycles()).field("simulatedMicros", r.simulatedMicros(), 3);
        j.name("elapsedCycles").beginArray();
        for (long c : r.elapsedCycles()) j.value(c);
        j.endArray();
        j.name("cycleTotals").beginObject()
                .field("user", r.cyclesOf(RunReport.AccountKind.USER, -1))
                .field("kernel", r.cyclesOf(RunReport.AccountKind.KERNEL, -1))
                .field("idle", r.cyclesOf(RunReport.AccountKind.IDLE, -1)).endObject();
        threads(j, r);
        ipc(j, r);
        j.field("pageFaults", r.pageFaults());
        j.name("tlb").beginObject().field("hits", r.tlbHits()).field("misses", r.tlbMisses())
                .field("flushes", r.tlbFlushes()).endObject();
        j.name("cache").beginObject();
        for (Map.Entry<String, CacheLevelCounters> e : r.cacheTotals().entrySet()) cache(j, e.getKey(), e.getValue());
        j.endObject();
        j.field("memoryAccesses", r.memoryAccesses());
        irqs(j, r);
        j.name("kernelPaths").beginObject();
        for (Map.Entry<String, Long> e : r.kernelPathCycles().entrySet()) j.field(e.getKey(), e.getValue());
        j.endObject();
        j.name("kernelPathStats").beginObject();
        for (KernelPathStats p : r.kernelPaths().values()) {
            j.name(p.name()).beginObject().field("count", p.count()).field("totalCycles", p.total())
                    .field("meanCycles", p.mean(), 3).field("minCycles", p.min()).field("maxCycles", p.max())
                    .field("instructionCycles", p.instructionCycles()).field("privilegedCycles", p.privilegedCycles())
                    .field("memoryCycles", p.memoryCycles()).field("pageWalkCycles", p.walkCycles()).field("fetchStallCycles", p.fetchStallCycles()).endObject();
        }
        j.endObject();
        j.name("accounts").beginObject();
        for (Account a : r.accounts().values()) {
            j.name(a.name()).beginObject().field("total", a.total()).name("perCpu").beginArray();
            for (long c : a.perCpu()) j.value(c);
            j.endArray().endObject();
        }
        j.endObject();
        j.name("misses").beginObject();
        for (Map.Entry<String, dev.mkw.sim.report.Misses> e : r.misses().entrySet()) {
            j.name(e.getKey()).beginObject().field("tlb", e.getValue().tlb()).name("cache").beginObject();
            for (Map.Entry<String, Long> c : e.getValue().cache().entrySet()) j.field(c.getKey(), c.getValue());
            j.endObject().endObject();
        }
        j.endObject();
        j.name("scheduler").beginObject().field("queueOperations", r.queueOperations()).field("queueCycles", r.queueCycles()).endObject();
        hardware(j, r);
        if (!r.processors().isEmpty()) processors(j, r);
        errors(j, r);
        j.name("trace").beginObject().field("mode", r.trace().mode().name().toLowerCase(java.util.Locale.ROOT))
                .field("recorded", r.trace().events().size()).field("offered", r.trace().offered())
                .field("dropped", r.trace().dropped()).endObject();
        j.endObject();
        w.write("\n");
        w.flush();
    }

    private static void threads(JsonWriter j, RunReport r) {
        j.name("threads").beginObject();
        for (ThreadStats t : r.threads().values()) {
            j.name(t.name()).beginObject().field("userCycles", t.userCycles()).field("kernelCycles", t.kernelCycles())
                    .field("ipcSent", t.ipcSent()).field("ipcReceived", t.ipcReceived())
                    .field("pageFaults", t.pageFaults()).field("switches", t.switches())
                    .name("kernelSplit").beginObject().field("instructionCycles", t.kernelInstructionCycles())
                    .field("privilegedCycles", t.kernelPrivilegedCycles()).field("memoryCycles", t.kernelMemoryCycles())
                    .field("pageWalkCycles", t.kernelWalkCycles())
                    .field("fetchStallCycles", t.kernelFetchStallCycles()).endObject().endObject();
        }
        j.endObject();
    }

    private static void ipc(JsonWriter j, RunReport r) {
        Histogram all = r.ipcLatency();
        j.name("ipc").beginObject();
        latency(j, all);
        dev.mkw.sim.report.IpcFootprint f = r.ipcFootprint();
        j.field("footprintBytes", f.bytes()).field("footprintCodeBytes", f.codeBytes()).field("footprintDataBytes", f.dataBytes())
                .field("footprintPath", f.path());
        j.name("histogram");
        buckets(j, all);
        j.name("bySize").beginObject();
        for (Map.Entry<Integer, Histogram> e : r.ipcLatencyBySize().entrySet()) {
            j.name(Integer.toString(e.getKey())).beginObject();
            latency(j, e.getValue());
            j.endObject();
        }
        j.endObject();
        j.name("samples").beginArray();
        for (IpcSample s : r.ipcSamples()) {
            j.beginObject().field("sendCycle", s.sendCycle()).field("from", s.from()).field("to", s.to())
                    .field("words", s.words()).field("path", s.path()).field("latency", s.latency()).endObject();
        }
        j.endArray();
        j.endObject();
    }

    /** count, avg, min, max and percentiles of a latency histogram, as fields of the open object. */
    static void latency(JsonWriter j, Histogram h) {
        j.field("count", h.count()).field("avgCycles", h.mean(), 3).field("minCycles", h.min())
                .field("maxCycles", h.max()).field("p50Cycles", h.p50()).field("p90Cycles", h.p90())
                .field("p99Cycles", h.p99());
    }

    static void buckets(JsonWriter j, Histogram h) {
        j.beginArray();
        for (Histogram.Bucket b : h.buckets()) {
            j.beginObject().field("from", b.lower()).field("to", b.upper()).field("count", b.count()).endObject();
        }
        j.endArray();
    }

    private static void cache(JsonWriter j, String level, CacheLevelCounters c) {
        j.name(level).beginObject().field("hits", c.hits()).field("misses", c.misses()).endObject();
    }

    private static void irqs(JsonWriter j, RunReport r) {
        Histogram all = r.irqLatency();
        j.name("irqs").beginObject().field("raised", r.irqsRaised()).field("delivered", r.irqsDelivered())
                .field("avgLatencyCycles", all.mean(), 3);
        j.name("lines").beginObject();
        for (IrqStats s : r.irqs().values()) {
            j.name(Integer.toString(s.line())).beginObject().field("raised", s.raised()).field("delivered", s.delivered());
            latency(j, s.latency());
            j.name("histogram");
            buckets(j, s.latency());
            j.endObject();
        }
        j.endObject().endObject();
    }

    /** Multiprocessor runs only: per processor, what the IPIs, shootdowns, locks and coherence did; IPC latency local vs cross. */
    private static void processors(JsonWriter j, RunReport r) {
        j.name("processors").beginArray();
        for (var p : r.processors()) {
            j.beginObject().field("cpu", p.cpu()).field("ipisSent", p.ipisSent()).field("ipisReceived", p.ipisReceived())
                    .field("shootdowns", p.shootdowns()).field("pagesShotDown", p.pagesShotDown()).field("shootdownWaitCycles", p.shootdownWaitCycles())
                    .field("lockSpinCycles", p.lockSpinCycles()).field("lockContended", p.lockContended())
                    .field("lineTransfers", p.lineTransfers()).field("invalidations", p.invalidations()).endObject();
        }
        j.endArray();
        j.name("ipcLocal").beginObject();
        latency(j, r.ipcLatencyLocal());
        j.endObject();
        j.name("ipcCrossCpu").beginObject();
        latency(j, r.ipcLatencyCrossCpu());
        j.endObject();
    }

    private static void hardware(JsonWriter j, RunReport r) {
        j.name("hardware").beginArray();
        for (HardwareCounters h : r.hardware()) {
            j.beginObject().field("cpu", h.cpu()).field("tlbHits", h.tlbHits()).field("tlbMisses", h.tlbMisses())
                    .field("tlbFlushes", h.tlbFlushes()).field("memoryAccesses", h.memoryAccesses());
            j.name("cache").beginObject();
            for (Map.Entry<String, CacheLevelCounters> e : h.caches().entrySet()) cache(j, e.getKey(), e.getValue());
            j.endObject().endObject();
        }
        j.endArray();
    }

    private static void errors(JsonWriter j, RunReport r) {
        j.name("errors").beginArray();
        for (RunError e : r.errors()) {
            j.beginObject().field("kind", e.kind()).field("message", e.message()).field("thread", e.thread())
                    .field("cycle", e.cycle());
            if (e.location() == null) {
                j.name("location").nullValue();
            } else {
                j.name("location").beginObject().field("file", e.location().file()).field("line", e.location().line())
                        .field("column", e.location().column()).endObject();
            }
            j.name("lastEvents").beginArray();
            for (String s : e.lastEvents()) j.value(s);
            j.endArray().endObject();
        }
        j.endArray();
    }
}
