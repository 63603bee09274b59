package dev.mkw.ui.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.mkw.kernel.inspect.CapInfo;
import dev.mkw.kernel.inspect.IrqInfo;
import dev.mkw.kernel.inspect.MappingInfo;
import dev.mkw.kernel.inspect.MessageInfo;
import dev.mkw.kernel.inspect.ThreadInfo;
import dev.mkw.run.RunPipeline;
import dev.mkw.sim.report.RunReport;

/**
 * The runs the views show: the most recent one (finished or paused), the previous finished
 * one (so profile views can compare two runs, e.g. lazy vs Benno), and listeners that hear
 * of each new one (called on the thread that published; views hop to the UI thread).
 */
public final class RunResults {
    /**
     * One run: its report (every setting it ran with) and the kernel's state at the end.
     *
     * @param given the settings given on top of the file (a launch configuration's), key → value
     */
    public record Run(String file, RunReport report, Map<String, String> given, List<ThreadInfo> threads, List<MappingInfo> mappings,
            List<IrqInfo> irqs, List<CapInfo> capabilities, List<MessageInfo> messages) {

        public Run {
            given = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(given));
        }

        /** Whether the run is over; a paused session publishes unfinished runs. */
        public boolean finished() {
            return !RunPipeline.isPaused(report.endReason());
        }

        /** A short name for legends: the file's name and the settings that differ from it. */
        public String label() {
            String name = java.nio.file.Path.of(file).getFileName().toString();
            return given.isEmpty() ? name : name + " " + given;
        }
    }

    private static final RunResults INSTANCE = new RunResults();
    private final List<Consumer<Run>> listeners = new CopyOnWriteArrayList<>();
    private volatile Run latest;
    private volatile Run previous;

    public static RunResults get() {
        return INSTANCE;
    }

    public Run latest() {
        return latest;
    }

    /**
     * The finished run before {@link #latest()}, or null. Pauses of one session replace each
     * other as latest without touching it, so "previous" is always a complete run.
     */
    public Run previous() {
        return previous;
    }

    public void publish(Run run) {
        synchronized (this) {
            Run old = latest;
            if (old != null && old.finished() && old != run) previous = old;
            latest = run;
        }
        for (Consumer<Run> l : listeners) l.accept(run);
    }

    public void addListener(Consumer<Run> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<Run> l) {
        listeners.remove(l);
    }
}
