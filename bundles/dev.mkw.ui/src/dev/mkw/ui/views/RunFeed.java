package dev.mkw.ui.views;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Control;

import dev.mkw.ui.run.RunResults;

/**
 * Feeds a view the latest run and the previous finished one, on the UI thread. Runs are
 * published from jobs, from the UI thread (run control steps) or in quick succession (a
 * session pausing often): repeated publications before the UI catches up collapse into
 * one refresh with the newest state, so a busy run cannot flood the event queue.
 */
final class RunFeed {
    private final Control owner;
    private final BiConsumer<RunResults.Run, RunResults.Run> show;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Consumer<RunResults.Run> listener = run -> schedule();

    /** {@code show(latest, previous)}: either may be null. */
    RunFeed(Control owner, BiConsumer<RunResults.Run, RunResults.Run> show) {
        this.owner = owner;
        this.show = show;
        RunResults.get().addListener(listener);
        owner.addDisposeListener(e -> RunResults.get().removeListener(listener));
    }

    private void schedule() {
        if (owner.isDisposed() || !queued.compareAndSet(false, true)) return;
        owner.getDisplay().asyncExec(() -> {
            queued.set(false);
            refresh();
        });
    }

    /** Show the current state now (on the UI thread). */
    void refresh() {
        if (owner.isDisposed()) return;
        RunResults r = RunResults.get();
        show.accept(r.latest(), r.previous());
    }
}
