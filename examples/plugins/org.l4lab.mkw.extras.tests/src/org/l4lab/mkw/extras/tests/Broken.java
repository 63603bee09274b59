package org.l4lab.mkw.extras.tests;

import java.util.List;
import java.util.Map;

import dev.mkw.hw.sim.Device;
import dev.mkw.hw.sim.DeviceContext;
import dev.mkw.sim.analysis.AnalysisResult;
import dev.mkw.sim.report.RunReport;
import dev.mkw.kernel.sched.SchedThread;
import dev.mkw.kernel.sched.SchedulerPolicy;

/** Contributions that fail on purpose, registered by this bundle's plugin.xml. */
public final class Broken {
    private Broken() {}

    /** Chooses sensibly twice, then throws. */
    public static final class Policy implements SchedulerPolicy {
        private int calls;
        @Override public String id() { return "explodes"; }
        @Override public String description() { return "throws at its third decision"; }
        @Override public SchedulerPolicy forRun() { return new Policy(); }
        @Override
        public SchedThread choose(List<SchedThread> runnable, long nowCycles) {
            if (++calls == 3) throw new IllegalStateException("boom in choose");
            return runnable.isEmpty() ? null : runnable.get(0);
        }
    }

    /** A device that raises its IRQ once, then throws in its next event. */
    public static final class DeviceType implements dev.mkw.hw.sim.DeviceType {
        @Override public String id() { return "faulty"; }
        @Override public String description() { return "throws at its second event"; }
        @Override
        public Device create(String name, int irq, Map<String, String> parameters) {
            return new Device() {
                private long raised;
                @Override public String name() { return name; }
                @Override public int irq() { return irq; }
                @Override public long interruptsRaised() { return raised; }
                @Override
                public void start(DeviceContext ctx) {
                    ctx.at(ctx.now() + 1000, () -> {
                        raised++;
                        ctx.raiseIrq(irq);
                        ctx.at(ctx.now() + 1000, () -> { throw new IllegalStateException("boom in the device"); });
                    });
                }
            };
        }
    }

    public static final class Analysis implements dev.mkw.sim.analysis.Analysis {
        @Override public String id() { return "broken"; }
        @Override public String description() { return "always throws"; }
        @Override public AnalysisResult analyze(RunReport report) { throw new IllegalStateException("boom in the analysis"); }
    }
}
