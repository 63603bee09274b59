package dev.mkw.ui.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.mkw.kernel.inspect.CapInfo;
import dev.mkw.kernel.inspect.IrqInfo;
import dev.mkw.kernel.inspect.MappingInfo;
import dev.mkw.kernel.inspect.MessageInfo;
import dev.mkw.kernel.inspect.ThreadInfo;
import dev.mkw.sim.report.RunReport;

/**
 * The finished runs the views show: the most recent one, and listeners that hear of each
 * new one (called on the thread that finished the run; views hop to the UI thread).
 */
public final class RunResults {
    /** One finished run: its report and the kernel's state at the end. */
    public record Run(String file, RunReport report, List<ThreadInfo> threads, List<MappingInfo> mappings,
            List<IrqInfo> irqs, List<CapInfo> capabilities, List<MessageInfo> messages) {}

    private static final RunResults INSTANCE = new RunResults();
    private final List<Consumer<Run>> listeners = new CopyOnWriteArrayList<>();
    private volatile Run latest;

    public static RunResults get() {
        return INSTANCE;
    }

    public Run latest() {
        return latest;
    }

    public void publish(Run run) {
        latest = run;
        for (Consumer<Run> l : listeners) l.accept(run);
    }

    public void addListener(Consumer<Run> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<Run> l) {
        listeners.remove(l);
    }
}
